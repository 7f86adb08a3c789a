package dev.pipewright.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every committed generated source is exactly what {@link Codegen} makes from the repository: one
 * test per output file, named by its path, that fails naming the file and the regenerate command.
 * With {@code -Dpipewright.regenerate=true} (never in CI) the sources are rewritten first.
 */
class GeneratedSourcesTest {
    private static final Path ROOT =
            Path.of(System.getProperty("pipewright.root", "..")).toAbsolutePath().normalize();

    /** The regenerate switch: runs before the comparisons, which then pass. */
    @BeforeAll
    static void regenerateWhenAsked() throws IOException {
        if (Boolean.getBoolean("pipewright.regenerate") && !"true".equals(System.getenv("CI"))) {
            Codegen.write(ROOT).forEach(p -> System.out.println("codegen: wrote " + p));
        }
    }

    @TestFactory
    Stream<DynamicTest> eachGeneratedSourceIsUpToDate() {
        List<GeneratedSource> sources = Codegen.generate(ROOT);
        Map<String, DriftCheck.Drift> drift =
                DriftCheck.compare(ROOT, sources).stream()
                        .collect(Collectors.toMap(DriftCheck.Drift::path, Function.identity()));
        return sources.stream()
                .map(
                        s ->
                                DynamicTest.dynamicTest(
                                        s.path(),
                                        () -> {
                                            DriftCheck.Drift d = drift.get(s.path());
                                            assertThat(d == null ? null : d.message())
                                                    .as(s.path())
                                                    .isNull();
                                        }));
    }

    @Test
    void noGeneratedFileIsLeftWithoutItsSource() {
        assertThat(
                        DriftCheck.compare(ROOT, Codegen.generate(ROOT)).stream()
                                .filter(d -> d.expected() == null)
                                .map(DriftCheck.Drift::message)
                                .toList())
                .isEmpty();
    }

    @Test
    void generationIsDeterministic() {
        assertThat(Codegen.generate(ROOT)).isEqualTo(Codegen.generate(ROOT));
    }
}
