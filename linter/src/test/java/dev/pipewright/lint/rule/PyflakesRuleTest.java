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

class PyflakesRuleTest {
    private static final List<RuleInfo> ONLY =
            BuiltInRules.all().stream().filter(r -> r.id().equals("pyflakes")).toList();

    @Test
    void pythonShells() {
        assertThat(PyflakesRule.isPython("python")).isTrue();
        assertThat(PyflakesRule.isPython("python {0}")).isTrue();
        assertThat(PyflakesRule.isPython("/usr/bin/python3.12 -u {0}")).isTrue();
        assertThat(PyflakesRule.isPython("bash")).isFalse();
        assertThat(PyflakesRule.isPython("pythonista")).isFalse();
        assertThat(PyflakesRule.isPython("${{ matrix.shell }}")).isNull();
    }

    @Test
    void absentOrDisabledPyflakesIsNotFound() {
        assertThat(PyflakesRule.find(null, "/nonexistent:/also-not")).isEmpty();
        assertThat(PyflakesRule.find("off", "/usr/bin")).isEmpty();
        assertThat(PyflakesRule.find("", "/usr/bin")).isEmpty();
        assertThat(PyflakesRule.find("/nonexistent/pyflakes", "/usr/bin")).isEmpty();
    }

    @Test
    void positiveSyntaxErrorAndQuotedScalarMapIntoTheYaml() {
        assumeTrue(
                PyflakesRule.executable().isPresent(),
                "pyflakes is not on PATH (apt-get install pyflakes3)");
        String yaml =
                """
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: "import os\\nprint(undefined_name)"
                        shell: python
                      - shell: python
                        run: |
                          def f(:
                              pass
                """;
        List<String> found =
                lint(yaml).stream()
                        .map(f -> f.line() + ":" + f.column() + " " + f.message())
                        .toList();
        assertThat(found).hasSize(3);
        assertThat(found.get(0))
                .isEqualTo("6:15 pyflakes reported issue in this script: 'os' imported but unused");
        assertThat(found.get(1))
                .isEqualTo(
                        "6:32 pyflakes reported issue in this script: undefined name 'undefined_name'");
        // the wording of a syntax error is Python's and changes between versions; its place does
        // not
        assertThat(found.get(2)).startsWith("10:17 pyflakes reported issue in this script: ");
    }

    @Test
    void negativeOtherShellsAndPlaceholdersAreNotReported() {
        assumeTrue(
                PyflakesRule.executable().isPresent(),
                "pyflakes is not on PATH (apt-get install pyflakes3)");
        String yaml =
                """
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: print(${{ github.run_number }})
                        shell: python
                      - run: print(x)
                      - run: print(y)
                        shell: pwsh
                """;
        assertThat(lint(yaml)).isEmpty();
    }

    private static List<Finding> lint(String yaml) {
        return new Linter(LintConfig.empty(), ONLY)
                .lintSource("t.yml", yaml, Linter.Kind.WORKFLOW, Path.of("."));
    }
}
