package dev.pipewright.lint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runner loads an action's metadata with a loose root (unknown top-level keys ignored, no key
 * required but runs): what only the stricter editor schema rejects is a warning, so a popular
 * action such as softprops/action-gh-release (a top-level {@code env:}) gets no error.
 */
class ActionMetadataSeverityTest {
    private static List<String> lint(String action) {
        return new Linter(
                        LintConfig.empty(),
                        BuiltInRules.all().stream()
                                .filter(r -> r.id().equals("syntax-check"))
                                .toList())
                .lintSource("action.yml", action, Linter.Kind.ACTION, null).stream()
                        .map(f -> f.severity().label() + " " + f.line() + " " + f.message())
                        .toList();
    }

    @Test
    void keysTheRunnerIgnoresAreWarnings() {
        assertThat(
                        lint(
                                "name: Release\nenv:\n  GITHUB_TOKEN: As provided\n"
                                        + "runs:\n  using: node24\n  main: index.js\n"))
                .containsExactly(
                        "warning 1 required key \"description\" is missing",
                        "warning 2 unexpected key \"env\"; expected one of: author, branding,"
                                + " description, inputs, name, outputs, runs");
    }

    @Test
    void whatTheRunnerNeedsStaysAnError() {
        assertThat(lint("name: x\ndescription: y\n"))
                .containsExactly("error 1 required key \"runs\" is missing");
        assertThat(
                        lint(
                                "name: x\ndescription: y\nruns:\n  using: node24\n  main: a.js\n"
                                        + "  steps: []\n"))
                .singleElement()
                .asString()
                .startsWith("error 6 key \"steps\" is not allowed");
    }
}
