package dev.pipewright.lint.schema;

import dev.pipewright.github.expr.Expr;
import dev.pipewright.github.expr.ExprException;
import dev.pipewright.github.expr.Parser;
import dev.pipewright.github.expr.Type;

/**
 * What a {@code ${{ }}} value reads where GitHub's schema allows no context. GitHub's template
 * reader still takes a value that is one expression of one string literal ({@code shell: ${{ 'sh
 * {0}' }}} at any level) and rejects the rest: a named value ("Unrecognized named-value"), and
 * anything else, even a literal next to text ("A template expression is not allowed in this
 * context").
 */
final class ContextFreeExpression {
    private ContextFreeExpression() {}

    /**
     * What in {@code value} GitHub rejects, for a message: the first context it names, else
     * "anything but one string literal"; null when the whole value is one expression of one string
     * literal.
     */
    static String firstContextUse(String value) {
        String v = value.strip();
        int end = v.startsWith("${{") ? closing(v, 3) : -1;
        try {
            Expr e = Parser.parse(end > 0 ? v.substring(3, end) : "");
            if (end + 2 == v.length()
                    && e instanceof Expr.Literal l
                    && l.type().equals(Type.STRING)) {
                return null;
            }
            String use = use(e);
            if (use != null) {
                return use;
            }
        } catch (ExprException e) {
            // not one expression: the message below says what GitHub takes
        }
        return "anything but one string literal";
    }

    private static String use(Expr e) {
        if (e instanceof Expr.Context c) {
            return "context \"" + c.name() + "\"";
        } else if (e instanceof Expr.Property p) {
            return use(p.receiver());
        } else if (e instanceof Expr.Index i) {
            return first(use(i.receiver()), use(i.index()));
        } else if (e instanceof Expr.Star s) {
            return use(s.receiver());
        } else if (e instanceof Expr.Not n) {
            return use(n.operand());
        } else if (e instanceof Expr.Binary b) {
            return first(use(b.left()), use(b.right()));
        } else if (e instanceof Expr.Call c) {
            return "function " + c.name() + "()";
        }
        return null; // a literal
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /**
     * The index of the closing {@code }}}, skipping quoted strings as GitHub does; -1 when missing.
     */
    private static int closing(String v, int from) {
        boolean inString = false;
        for (int i = from; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '}' && i + 1 < v.length() && v.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }
}
