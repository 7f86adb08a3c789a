package dev.pipewright.lint.expr;

import java.util.Locale;
import java.util.Map;

/** Built-in expression functions with their arity and result type (names are case-insensitive). */
public final class Functions {
    /** Arity bounds and result type of one function. */
    public record Sig(String name, int min, int max, Type result) {}

    private static final int MAX = 255;

    /** Available everywhere expressions are. */
    public static final Map<String, Sig> GENERAL = Map.of(
            "contains", new Sig("contains", 2, 2, Type.BOOL),
            "startswith", new Sig("startsWith", 2, 2, Type.BOOL),
            "endswith", new Sig("endsWith", 2, 2, Type.BOOL),
            "format", new Sig("format", 1, MAX, Type.STRING),
            "join", new Sig("join", 1, 2, Type.STRING),
            "tojson", new Sig("toJSON", 1, 1, Type.STRING),
            "fromjson", new Sig("fromJSON", 1, 1, Type.ANY),
            "case", new Sig("case", 3, MAX, Type.ANY));

    /** Status and file functions, available only where the schema lists them (with their arity there). */
    public static final Map<String, Type> SPECIAL = Map.of(
            "success", Type.BOOL, "failure", Type.BOOL, "always", Type.BOOL, "cancelled", Type.BOOL,
            "hashfiles", Type.STRING);

    private Functions() {}

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
