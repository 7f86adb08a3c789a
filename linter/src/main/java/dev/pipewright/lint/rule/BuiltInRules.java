package dev.pipewright.lint.rule;

import dev.pipewright.lint.RuleInfo;
import java.util.List;

/** The explicit registry of built-in rules, in documentation order. */
public final class BuiltInRules {
    private BuiltInRules() {}

    private static final List<RuleInfo> ALL = List.of(
            RuleInfo.of(SyntaxRule.class, SyntaxRule::new));

    public static List<RuleInfo> all() {
        return ALL;
    }
}
