package dev.pipewright.lint;

import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.lint.rule.PyflakesRule;
import dev.pipewright.lint.rule.ShellcheckRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * How fixtures are linted: a fixture named after a security audit ({@code <audit-id>-*.yaml}) runs
 * every rule, so it also shows the file is otherwise clean; other fixtures run the correctness
 * rules only, so adding audits does not change their expected output. Rules that run an external
 * tool ({@link #EXTERNAL}) run only on fixtures named after them ({@code shellcheck-*.yaml}), which
 * are skipped, through an assumption, when the tool is not installed.
 */
final class TestLinting {
    private TestLinting() {}

    /**
     * Rule ids that need an external executable, with its check; fixtures of other rules leave them
     * out.
     */
    static final Map<String, BooleanSupplier> EXTERNAL =
            Map.of(
                    "shellcheck",
                    () -> ShellcheckRule.executable().isPresent(),
                    "pyflakes",
                    () -> PyflakesRule.executable().isPresent());

    /** True for a fixture named after a security audit. */
    static boolean auditFixture(Path fixture) {
        String name = fixture.getFileName().toString();
        return BuiltInRules.all().stream()
                .anyMatch(r -> r.category().equals("security") && name.startsWith(r.id() + "-"));
    }

    static List<RuleInfo> rules(Path fixture) {
        String name = fixture.getFileName().toString();
        boolean audit = auditFixture(fixture);
        return BuiltInRules.all().stream()
                .filter(r -> audit || !r.category().equals("security"))
                .filter(r -> !EXTERNAL.containsKey(r.id()) || name.startsWith(r.id() + "-"))
                .toList();
    }

    /** Skips (JUnit assumption) a fixture of a rule whose external tool is missing. */
    static void assumeToolsFor(Path fixture) {
        String name = fixture.getFileName().toString();
        EXTERNAL.forEach(
                (id, present) ->
                        Assumptions.assumeTrue(
                                !name.startsWith(id + "-") || present.getAsBoolean(),
                                () -> name + " needs " + id + " on PATH"));
    }

    static Linter.Kind kind(Path fixture) {
        String name = fixture.getFileName().toString();
        if (name.startsWith("dependabot-")) {
            return Linter.Kind.DEPENDABOT;
        }
        // "action" in the name marks an action.yml fixture, "pre-commit" a .pre-commit-config.yaml;
        // an audit id that
        // says "action" itself does not count
        String rest =
                BuiltInRules.all().stream()
                        .filter(
                                r ->
                                        r.category().equals("security")
                                                && name.startsWith(r.id() + "-"))
                        .findFirst()
                        .map(r -> name.substring(r.id().length()))
                        .orElse(name);
        if (rest.contains("pre-commit")) {
            return Linter.Kind.PRE_COMMIT;
        }
        return rest.contains("action") ? Linter.Kind.ACTION : Linter.Kind.WORKFLOW;
    }
}
