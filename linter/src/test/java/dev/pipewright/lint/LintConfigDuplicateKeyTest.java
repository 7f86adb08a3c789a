package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lint configuration that names a key twice is a usage error at the second key, as a workflow's
 * would be.
 */
class LintConfigDuplicateKeyTest {
    @Test
    void aSectionNamedTwiceIsRefusedWhereItIsRepeated(@TempDir Path tmp) throws Exception {
        Path config =
                Files.writeString(
                        tmp.resolve("pipewright-lint.yml"),
                        "self-hosted-runner:\n  labels: [gpu]\nself-hosted-runner:\n  labels: [arm]\n");
        assertThatThrownBy(() -> LintConfig.load(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        config + ":3:1: key \"self-hosted-runner\" is duplicated in this mapping;");
    }
}
