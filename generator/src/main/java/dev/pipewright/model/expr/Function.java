package dev.pipewright.model.expr;

import dev.pipewright.github.expr.Functions;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in expression functions, for building calls in code; their spelling and arity come from
 * GitHub's function table in {@code dev.pipewright.github}, which the linter checks against too.
 */
public enum Function {
    CONTAINS("contains"),
    STARTS_WITH("startsWith"),
    ENDS_WITH("endsWith"),
    FORMAT("format"),
    JOIN("join"),
    TO_JSON("toJSON"),
    FROM_JSON("fromJSON"),
    CASE("case"),
    HASH_FILES("hashFiles"),
    SUCCESS("success"),
    ALWAYS("always"),
    FAILURE("failure"),
    CANCELLED("cancelled");

    private final Functions.Sig sig;

    Function(String functionName) {
        this.sig = Functions.ALL.get(Functions.key(functionName));
    }

    /** The canonical spelling, e.g. {@code toJSON}. */
    public String functionName() {
        return sig.name();
    }

    /** The fewest arguments the function accepts. */
    public int minArgs() {
        return sig.min();
    }

    /** The most arguments the function accepts. */
    public int maxArgs() {
        return sig.max();
    }

    /** The function with this name; GitHub matches function names case-insensitively. */
    public static Optional<Function> byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Function f : values()) {
            if (Functions.key(f.functionName()).equals(lower)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    void checkArity(int count) {
        String problem = Functions.arityProblem(sig, count);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
