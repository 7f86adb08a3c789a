package dev.pipewright.lint;

import dev.pipewright.lint.rule.BuiltInRules;
import java.nio.file.Path;
import java.util.List;

/**
 * How fixtures are linted: a fixture named after a security audit ({@code <audit-id>-*.yaml}) runs every rule, so
 * it also shows the file is otherwise clean; other fixtures run the correctness rules only, so adding audits does not
 * change their expected output.
 */
final class TestLinting {
    private TestLinting() {}

    static List<RuleInfo> rules(Path fixture) {
        String name = fixture.getFileName().toString();
        boolean audit = BuiltInRules.all().stream().anyMatch(r -> r.category().equals("security") && name.startsWith(r.id() + "-"));
        return audit ? BuiltInRules.all() : BuiltInRules.all().stream().filter(r -> !r.category().equals("security")).toList();
    }

    static Linter.Kind kind(Path fixture) {
        String name = fixture.getFileName().toString();
        if (name.startsWith("dependabot-")) {
            return Linter.Kind.DEPENDABOT;
        }
        return name.contains("action") ? Linter.Kind.ACTION : Linter.Kind.WORKFLOW;
    }

}
