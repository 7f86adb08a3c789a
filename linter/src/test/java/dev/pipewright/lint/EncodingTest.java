package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not UTF-8 are one finding at their first bad byte, never an internal error. */
class EncodingTest {
    @TempDir Path dir;

    @Test
    void aLatin1WorkflowIsReportedAtItsFirstBadByte() throws IOException {
        Path f = dir.resolve("w.yml");
        Files.write(f, "on: push\n# caf\u00e9\njobs: {}\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Finding> findings = new Linter(LintConfig.empty()).lintPaths(List.of(f), dir);
        assertThat(findings)
                .extracting(Finding::format)
                .containsExactly(
                        "w.yml:2:6: the file is not valid UTF-8 (byte 0xE9); GitHub reads workflow files as UTF-8 [syntax-check]");
    }

    @Test
    void aBinaryFileInALintedDirectoryDoesNotStopTheOthers() throws IOException {
        Path wf = Files.createDirectories(dir.resolve(".github/workflows"));
        Files.write(
                wf.resolve("blob.yml"),
                new byte[] {'o', 'n', ':', ' ', (byte) 0xff, (byte) 0xfe, 0, 1});
        Files.writeString(
                wf.resolve("ok.yml"),
                "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n");
        List<Finding> findings =
                new Linter(LintConfig.empty()).lintPaths(List.of(dir.resolve(".github")), dir);
        assertThat(findings).extracting(Finding::rule).contains("syntax-check");
        assertThat(findings)
                .filteredOn(x -> x.file().endsWith("blob.yml"))
                .hasSize(1)
                .first()
                .satisfies(x -> assertThat(x.column()).isEqualTo(5));
    }

    /**
     * A replacement character written on purpose is valid UTF-8: the file is linted as any other.
     */
    @Test
    void aReplacementCharacterInValidUtf8IsText() throws IOException {
        Path f = dir.resolve("w.yml");
        String text = "on: push\n# \uFFFD\njobs:\n  a:\n    runs-on: ubuntu-lates\n";
        Files.writeString(f, text);
        List<Finding> findings = new Linter(LintConfig.empty()).lintPaths(List.of(f), dir);
        assertThat(findings)
                .extracting(Finding::rule)
                .doesNotContain("syntax-check")
                .contains("runner-label");
        assertThat(findings)
                .filteredOn(x -> x.rule().equals("runner-label"))
                .first()
                .satisfies(x -> assertThat(x.line()).isEqualTo(5));
    }
}
