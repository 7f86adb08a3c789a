package dev.pipewright.lint.audit;

import dev.pipewright.github.expr.Expr;
import dev.pipewright.github.expr.Type;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Structural helpers over expression trees: children, the leftmost offset, constant
 * sub-expressions.
 */
final class ExprTree {
    private ExprTree() {}

    /**
     * Functions whose value follows from their arguments alone; zizmor leaves fromJSON out, and so
     * do we.
     */
    private static final Set<String> PURE =
            Set.of("contains", "startswith", "endswith", "format", "tojson", "join");

    static List<Expr> children(Expr e) {
        if (e instanceof Expr.Call c) {
            return c.args();
        }
        if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Expr.Not n) {
            return List.of(n.operand());
        }
        if (e instanceof Expr.Property p) {
            return List.of(p.receiver());
        }
        if (e instanceof Expr.Index i) {
            return List.of(i.receiver(), i.index());
        }
        if (e instanceof Expr.Star s) {
            return List.of(s.receiver());
        }
        return List.of();
    }

    /** The offset where the node's text starts (a binary node's offset is its operator's). */
    static int start(Expr e) {
        int min = e.offset();
        for (Expr c : children(e)) {
            min = Math.min(min, start(c));
        }
        return min;
    }

    /**
     * The expression written out again (normalised spacing), for messages that name a part of a
     * longer one.
     */
    static String render(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value() == null
                    ? "null"
                    : l.value() instanceof String str && l.type() != Type.NUMBER
                            ? "'" + str.replace("'", "''") + "'"
                            : String.valueOf(l.value());
        }
        if (e instanceof Expr.Call c) {
            return c.name()
                    + "("
                    + String.join(", ", c.args().stream().map(ExprTree::render).toList())
                    + ")";
        }
        if (e instanceof Expr.Not n) {
            return "!" + render(n.operand());
        }
        if (e instanceof Expr.Binary b) {
            String op =
                    switch (b.op()) {
                        case AND -> "&&";
                        case OR -> "||";
                        case EQ -> "==";
                        case NE -> "!=";
                        case LT -> "<";
                        case LE -> "<=";
                        case GT -> ">";
                        default -> ">=";
                    };
            return "(" + render(b.left()) + " " + op + " " + render(b.right()) + ")";
        }
        if (e instanceof Expr.Context c) {
            return c.name();
        }
        if (e instanceof Expr.Property p) {
            return render(p.receiver()) + "." + p.name();
        }
        if (e instanceof Expr.Index i) {
            return render(i.receiver()) + "[" + render(i.index()) + "]";
        }
        return render(((Expr.Star) e).receiver()) + ".*";
    }

    /**
     * True when the value needs no context: literals, operators over constants and pure functions
     * of constants.
     */
    static boolean constant(Expr e) {
        if (e instanceof Expr.Literal) {
            return true;
        }
        if (e instanceof Expr.Binary || e instanceof Expr.Not) {
            return children(e).stream().allMatch(ExprTree::constant);
        }
        return e instanceof Expr.Call c
                && PURE.contains(c.name().toLowerCase(Locale.ROOT))
                && c.args().stream().allMatch(ExprTree::constant);
    }
}
