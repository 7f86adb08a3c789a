package dev.pipewright.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Byte-for-byte comparison with a file under {@code src/test/resources/golden}. With {@code
 * -Dgolden.update=true}, and only when the environment variable CI is not {@code true}, a differing
 * or missing file is rewritten instead of failing (review the diff before committing).
 */
final class Golden {
    private Golden() {}

    /** The golden directory in the source tree (not target/), so updates land in the repository. */
    static Path dir() {
        Path root =
                SharedData.repoRoot()
                        .orElseThrow(() -> new IllegalStateException("repository root not found"));
        return root.resolve("generator/src/test/resources/golden");
    }

    static boolean updating() {
        return Boolean.getBoolean("golden.update") && !"true".equals(System.getenv("CI"));
    }

    static void assertMatches(String fileName, String actual) {
        Path file = dir().resolve(fileName);
        try {
            String expected =
                    Files.isRegularFile(file)
                            ? Files.readString(file, StandardCharsets.UTF_8)
                            : null;
            if (actual.equals(expected)) {
                return;
            }
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(expected)
                    .as(
                            "golden file %s is missing; run with -Dgolden.update=true to create it",
                            file)
                    .isNotNull();
            assertThat(actual)
                    .as(
                            "%s differs from its golden file; if the change is intended, rerun with "
                                    + "-Dgolden.update=true and review the diff",
                            file)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
