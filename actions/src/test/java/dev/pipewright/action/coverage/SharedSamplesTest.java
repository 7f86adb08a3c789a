package dev.pipewright.action.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipewright.action.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copied samples in test resources must stay byte-identical to
 * shared/reference/coverage-samples.
 */
class SharedSamplesTest {
    @Test
    void copiesEqualTheSharedOriginals() throws IOException {
        Optional<Path> shared = TestData.shared("reference/coverage-samples");
        assumeTrue(
                shared.isPresent(),
                "../shared/reference/coverage-samples not present; nothing to compare");
        Path copy = TestData.sample("");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(copy)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().equals("SOURCE.md"))
                            .toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path f : files) {
            Path original = shared.get().resolve(copy.relativize(f).toString());
            assertThat(f).as(original.toString()).hasSameBinaryContentAs(original);
        }
    }
}
