package dev.pipewright.lint;

import java.util.function.Supplier;

/** A registered rule: its metadata and a factory, since rules keep per-file state. */
public record RuleInfo(
        String id, String summary, Severity severity, String category, Supplier<LintRule> factory) {
    /** Reads the {@link Rule} annotation of the class the factory creates. */
    public static RuleInfo of(Class<? extends LintRule> type, Supplier<LintRule> factory) {
        Rule r = type.getAnnotation(Rule.class);
        if (r == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Rule annotation");
        }
        return new RuleInfo(r.id(), r.summary(), r.severity(), r.category(), factory);
    }
}
