package dev.pipewright.lint.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.RuleInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellcheckRuleTest {
    private static final List<RuleInfo> ONLY =
            BuiltInRules.all().stream().filter(r -> r.id().equals("shellcheck")).toList();

    @Test
    void placeholdersKeepLengthAndLineBreaks() {
        String s = "echo ${{ a }} x ${{ b\n }}; ${{ open";
        String p = ShellcheckRule.placeholders(s);
        assertThat(p).hasSameSizeAs(s).isEqualTo("echo ________ x _____\n___; ${{ open");
    }

    @Test
    void dialectOfShells() {
        assertThat(ShellcheckRule.dialect("bash")).isEqualTo("bash");
        assertThat(ShellcheckRule.dialect("sh")).isEqualTo("sh");
        assertThat(ShellcheckRule.dialect("bash --noprofile --norc -eo pipefail {0}"))
                .isEqualTo("bash");
        assertThat(ShellcheckRule.dialect("/usr/bin/sh -e {0}")).isEqualTo("sh");
        assertThat(ShellcheckRule.dialect("pwsh")).isNull();
        assertThat(ShellcheckRule.dialect("python")).isNull();
        assertThat(ShellcheckRule.dialect("${{ matrix.shell }}")).isNull();
    }

    @Test
    void offsetOfLineAndColumn() {
        assertThat(ShellcheckRule.offset("ab\ncd\n", 2, 2)).isEqualTo(4);
        assertThat(ShellcheckRule.offset("ab\ncd", 2, 9)).isEqualTo(5);
        assertThat(ShellcheckRule.offset("ab", 3, 1)).isEqualTo(2);
    }

    @Test
    void absentOrDisabledShellcheckIsNotFound() {
        assertThat(ShellcheckRule.find(null, "/nonexistent:/also-not")).isEmpty();
        assertThat(ShellcheckRule.find("off", "/usr/bin")).isEmpty();
        assertThat(ShellcheckRule.find("", "/usr/bin")).isEmpty();
        assertThat(ShellcheckRule.find("/nonexistent/shellcheck", "/usr/bin")).isEmpty();
    }

    @Test
    void positiveBlockAndQuotedScalarsMapToTheirSourceColumns() {
        assumeTrue(ShellcheckRule.executable().isPresent(), "shellcheck is not on PATH");
        String yaml =
                """
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          echo ${{ github.sha }} $X
                      - run: >
                          echo one
                          $Y
                      - run: "echo \\"${{ github.sha }}\\" $Z"
                      - run: 'echo ''q'' $W'
                """;
        List<String> found =
                lint(yaml).stream()
                        .map(f -> f.line() + ":" + f.column() + " " + f.message())
                        .toList();
        assertThat(found)
                .containsExactly(
                        "7:34 SC2086: Double quote to prevent globbing and word splitting",
                        "10:11 SC2086: Double quote to prevent globbing and word splitting",
                        "11:42 SC2086: Double quote to prevent globbing and word splitting",
                        "12:26 SC2086: Double quote to prevent globbing and word splitting");
    }

    @Test
    void negativeWindowsPowershellAndPythonAreNotChecked() {
        assumeTrue(ShellcheckRule.executable().isPresent(), "shellcheck is not on PATH");
        String yaml =
                """
                on: push
                defaults:
                  run:
                    shell: pwsh
                jobs:
                  a:
                    runs-on: [self-hosted, windows-2025]
                    steps:
                      - run: echo $X
                  b:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo $X
                      - run: print($X)
                        shell: python
                """;
        assertThat(lint(yaml)).isEmpty();
    }

    private static List<Finding> lint(String yaml) {
        return new Linter(LintConfig.empty(), ONLY)
                .lintSource("t.yml", yaml, Linter.Kind.WORKFLOW, Path.of("."));
    }
}
