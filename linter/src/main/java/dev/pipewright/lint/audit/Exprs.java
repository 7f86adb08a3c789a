package dev.pipewright.lint.audit;

import dev.pipewright.github.TextCache;
import dev.pipewright.github.expr.Expr;
import dev.pipewright.github.expr.ExprException;
import dev.pipewright.github.expr.Parser;
import dev.pipewright.github.expr.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code ${{ }}} expressions in text and the context paths they read. */
public final class Exprs {
    private Exprs() {}

    private static final Pattern EXPRESSION =
            Pattern.compile("\\$\\{\\{((?:[^}']++|'[^']*+'|}(?!}))*+)}}");

    /**
     * One {@code ${{ }}} in a string.
     *
     * @param start offset of {@code $} in the string
     * @param end offset after the closing braces
     * @param text the inner text, untrimmed
     * @param ast the parsed expression, null when it does not parse
     */
    public record Span(int start, int end, String text, Expr ast) {
        public String whole(String in) {
            return in.substring(start, end);
        }
    }

    /**
     * A context access such as {@code github.event.issue.title}, lower-cased, {@code *} for dynamic
     * parts.
     */
    public record Access(String path, Expr node, boolean dumped) {}

    private static final TextCache<List<Span>> SPANS = new TextCache<>(50_000);

    /** The expressions of a string, in order; the list is shared and unmodifiable. */
    public static List<Span> spans(String s) {
        return s.contains("${{") ? SPANS.get(s, Exprs::scan) : List.of();
    }

    private static List<Span> scan(String s) {
        List<Span> out = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(s);
        while (m.find()) {
            Expr ast;
            try {
                ast = Parser.parse(m.group(1));
            } catch (ExprException | RuntimeException e) {
                ast = null;
            }
            out.add(new Span(m.start(), m.end(), m.group(1), ast));
        }
        return List.copyOf(out);
    }

    /**
     * True when {@code text} contains {@code word} in any case (context names are
     * case-insensitive).
     */
    public static boolean mentions(String text, String word) {
        for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** Parses a bare expression ({@code if:} without braces); empty when it does not parse. */
    public static Optional<Expr> parse(String text) {
        try {
            return Optional.of(Parser.parse(text));
        } catch (ExprException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The context paths an expression reads; {@code dumped} marks an object passed whole to toJSON.
     */
    public static List<Access> accesses(Expr e) {
        List<Access> out = new ArrayList<>();
        walk(e, out, false);
        return out;
    }

    private static void walk(Expr e, List<Access> out, boolean inToJson) {
        if (e == null) {
            return;
        }
        String p = path(e);
        if (p != null) {
            out.add(new Access(p, e, inToJson));
            // Dynamic indexes read other contexts too.
            collectIndexArgs(e, out);
            return;
        }
        if (e instanceof Expr.Call c) {
            c.args().forEach(a -> walk(a, out, c.name().equalsIgnoreCase("toJSON")));
        } else if (e instanceof Expr.Not n) {
            walk(n.operand(), out, false);
        } else if (e instanceof Expr.Binary b) {
            walk(b.left(), out, false);
            walk(b.right(), out, false);
        } else if (e instanceof Expr.Property pr) {
            walk(pr.receiver(), out, false);
        } else if (e instanceof Expr.Index ix) {
            walk(ix.receiver(), out, false);
            walk(ix.index(), out, false);
        } else if (e instanceof Expr.Star st) {
            walk(st.receiver(), out, false);
        }
    }

    private static void collectIndexArgs(Expr e, List<Access> out) {
        if (e instanceof Expr.Property pr) {
            collectIndexArgs(pr.receiver(), out);
        } else if (e instanceof Expr.Star st) {
            collectIndexArgs(st.receiver(), out);
        } else if (e instanceof Expr.Index ix) {
            collectIndexArgs(ix.receiver(), out);
            if (!(ix.index() instanceof Expr.Literal)) {
                walk(ix.index(), out, false);
            }
        }
    }

    /** The dotted path of a property chain rooted in a context, or null. */
    public static String path(Expr e) {
        if (e instanceof Expr.Context c) {
            return c.name().toLowerCase(Locale.ROOT);
        }
        if (e instanceof Expr.Property p) {
            String r = path(p.receiver());
            return r == null ? null : r + "." + p.name().toLowerCase(Locale.ROOT);
        }
        if (e instanceof Expr.Star s) {
            String r = path(s.receiver());
            return r == null ? null : r + ".*";
        }
        if (e instanceof Expr.Index i) {
            String r = path(i.receiver());
            return r == null
                    ? null
                    : r
                            + "."
                            + (i.index() instanceof Expr.Literal l
                                            && l.value() instanceof String str
                                    ? str.toLowerCase(Locale.ROOT)
                                    : "*");
        }
        return null;
    }

    private static final Set<String> BOOLEAN_FUNCTIONS =
            Set.of(
                    "contains",
                    "startswith",
                    "endswith",
                    "success",
                    "always",
                    "failure",
                    "cancelled");

    /** True when the expression's value is a boolean or number, whatever the contexts hold. */
    public static boolean isBooleanValued(Expr e) {
        if (e instanceof Expr.Not || e instanceof Expr.Literal) {
            return true;
        }
        if (e instanceof Expr.Binary b) {
            return b.op() != Token.Kind.AND && b.op() != Token.Kind.OR
                    || isBooleanValued(b.left()) && isBooleanValued(b.right());
        }
        return e instanceof Expr.Call c
                && BOOLEAN_FUNCTIONS.contains(c.name().toLowerCase(Locale.ROOT));
    }
}
