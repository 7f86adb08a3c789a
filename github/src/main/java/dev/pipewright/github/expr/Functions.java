package dev.pipewright.github.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub's expression functions with their arity and result type (names are case-insensitive), as
 * listed by GitHub's own parser ({@code @actions/expressions}: {@code wellKnownFunctions}) and its
 * workflow schema (status and file functions, available only at some keys).
 */
public final class Functions {
    /** Arity bounds and result type of one function, with its canonical spelling. */
    public record Sig(String name, int min, int max, Type result) {}

    /** The argument limit of GitHub's implementations ({@code MAX_ARGUMENTS}). */
    public static final int MAX_ARGS = 255;

    /** Available everywhere expressions are. */
    public static final Map<String, Sig> GENERAL =
            Map.of(
                    "contains", new Sig("contains", 2, 2, Type.BOOL),
                    "startswith", new Sig("startsWith", 2, 2, Type.BOOL),
                    "endswith", new Sig("endsWith", 2, 2, Type.BOOL),
                    "format", new Sig("format", 1, MAX_ARGS, Type.STRING),
                    "join", new Sig("join", 1, 2, Type.STRING),
                    "tojson", new Sig("toJSON", 1, 1, Type.STRING),
                    "fromjson", new Sig("fromJSON", 1, 1, Type.ANY),
                    // GitHub's parser gives case() no upper bound (Number.MAX_SAFE_INTEGER)
                    "case", new Sig("case", 3, Integer.MAX_VALUE, Type.ANY));

    /**
     * Status and file functions, available only where the schema lists them (with their arity
     * there).
     */
    public static final Map<String, Type> SPECIAL =
            Map.of(
                    "success",
                    Type.BOOL,
                    "failure",
                    Type.BOOL,
                    "always",
                    Type.BOOL,
                    "cancelled",
                    Type.BOOL,
                    "hashfiles",
                    Type.STRING);

    /** Every function with the arity the workflow schema gives it wherever it is available. */
    public static final Map<String, Sig> ALL;

    static {
        Map<String, Sig> all = new LinkedHashMap<>(GENERAL);
        all.put("hashfiles", new Sig("hashFiles", 1, MAX_ARGS, Type.STRING));
        all.put("success", new Sig("success", 0, 0, Type.BOOL));
        all.put("always", new Sig("always", 0, 0, Type.BOOL));
        all.put("failure", new Sig("failure", 0, 0, Type.BOOL));
        all.put("cancelled", new Sig("cancelled", 0, 0, Type.BOOL));
        ALL = Collections.unmodifiableMap(all);
    }

    private Functions() {}

    /** The lookup key of a function name: GitHub matches function names case-insensitively. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Why {@code n} arguments do not fit {@code sig}, or null when they do (case() wants an odd
     * number).
     */
    public static String arityProblem(Sig sig, int n) {
        if (n < sig.min() || n > sig.max()) {
            String want =
                    sig.min() == sig.max()
                            ? String.valueOf(sig.min())
                            : sig.max() >= MAX_ARGS
                                    ? "at least " + sig.min()
                                    : sig.min() + " to " + sig.max();
            return sig.name() + "() takes " + want + " argument(s) but is given " + n;
        }
        if (sig.name().equals("case") && n % 2 == 0) {
            return "case() takes pairs of condition and value followed by a default, so an odd number of arguments; it is"
                    + " given "
                    + n;
        }
        return null;
    }
}
