package dev.pipewright.action.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipewright.action.InputException;
import dev.pipewright.action.Workspace;
import dev.pipewright.fuzz.Campaign;
import dev.pipewright.fuzz.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets of the coverage gate's readers, one per format: a report is read, or refused with an
 * InputException whose message is {@code file:line: reason}. Nothing else escapes.
 */
class CoverageFuzzTest {
    private static Path dir;

    @BeforeAll
    static void tempDir() throws IOException {
        dir = Files.createTempDirectory("coverage-fuzz");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    static void read(byte[] data, String name, CoverageFormat format) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, data);
        new CoverageReader(new Workspace(dir, false), new PathMapper(dir, null))
                .read(List.of(file), format);
    }

    static boolean documented(Throwable t) {
        return t instanceof InputException && Campaign.located(t.getMessage());
    }

    private static void campaign(
            String surface, String name, CoverageFormat format, Predicate<String> files) {
        List<Seeds.Seed> seeds =
                new ArrayList<>(
                        Seeds.files(Path.of("actions/src/test/resources/coverage-samples"), files));
        seeds.addAll(Seeds.files(Seeds.shared().resolve("reference/coverage-samples"), files));
        assertThat(
                        Campaign.run(
                                        surface,
                                        seeds,
                                        Path.of("actions/src/test/resources/fuzz/" + surface),
                                        Campaign.count(100),
                                        d -> read(d, name, format),
                                        CoverageFuzzTest::documented)
                                .failures())
                .isEmpty();
    }

    @Test
    void goProfiles() {
        campaign("coverage-go", "cover.out", CoverageFormat.GO, n -> n.endsWith(".out"));
    }

    @Test
    void jacoco() {
        campaign(
                "coverage-jacoco",
                "jacoco.xml",
                CoverageFormat.JACOCO,
                n -> n.equals("jacoco.xml"));
    }

    @Test
    void cobertura() {
        campaign(
                "coverage-cobertura",
                "coverage.xml",
                CoverageFormat.COBERTURA,
                n -> n.equals("coverage.xml"));
    }

    @Test
    void lcov() {
        campaign(
                "coverage-lcov",
                "lcov.info",
                CoverageFormat.LCOV,
                n -> n.endsWith(".info") || n.endsWith(".lcov"));
    }

    @Test
    void coveragePyJson() {
        campaign(
                "coverage-json",
                "coverage.json",
                CoverageFormat.COVERAGE_JSON,
                n -> n.equals("coverage.json"));
    }

    @Test
    void detection() {
        campaign(
                "coverage-auto",
                "report",
                CoverageFormat.AUTO,
                n ->
                        n.endsWith(".out")
                                || n.endsWith(".xml")
                                || n.endsWith(".info")
                                || n.endsWith(".lcov")
                                || n.equals("coverage.json"));
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzCoverage(byte[] data) {
        try {
            read(data, "report", CoverageFormat.AUTO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputException e) {
            if (!documented(e)) {
                throw e;
            }
        }
    }
}
