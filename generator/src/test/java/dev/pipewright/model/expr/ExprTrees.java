package dev.pipewright.model.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Test views of an Expr tree: a fully parenthesised rendering and the context references it holds.
 */
final class ExprTrees {
    private ExprTrees() {}

    /**
     * Every compound node in parentheses, and {@code .name} always as {@code ['name']}, so that two
     * trees print the same exactly when they mean the same.
     */
    static String fullyParenthesised(Expr e) {
        if (e instanceof NamedValue n) {
            return n.name().toLowerCase(Locale.ROOT);
        }
        if (e instanceof PropertyAccess p) {
            return "("
                    + fullyParenthesised(p.target())
                    + ")["
                    + StringLiteral.quote(p.name())
                    + "]";
        }
        if (e instanceof IndexAccess i) {
            return "("
                    + fullyParenthesised(i.target())
                    + ")["
                    + fullyParenthesised(i.index())
                    + "]";
        }
        if (e instanceof StarAccess s) {
            return "(" + fullyParenthesised(s.target()) + ").*";
        }
        if (e instanceof Not n) {
            return "(!" + fullyParenthesised(n.operand()) + ")";
        }
        if (e instanceof Binary b) {
            return "("
                    + fullyParenthesised(b.left())
                    + " "
                    + b.operator().symbol()
                    + " "
                    + fullyParenthesised(b.right())
                    + ")";
        }
        if (e instanceof FunctionCall f) {
            return f.function().functionName()
                    + f.args().stream()
                            .map(ExprTrees::fullyParenthesised)
                            .collect(Collectors.joining(", ", "(", ")"));
        }
        return e.render(); // literals
    }

    /** The context references in rendering order, as ExpressionScanner should report them. */
    static List<ContextReference> references(Expr e) {
        List<ContextReference> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<ContextReference> out) {
        if (e instanceof NamedValue n) {
            out.add(new ContextReference(n.name(), null));
        } else if (e instanceof PropertyAccess p) {
            if (p.target() instanceof NamedValue n) {
                out.add(new ContextReference(n.name(), p.name()));
            } else {
                collect(p.target(), out);
            }
        } else if (e instanceof IndexAccess i) {
            if (i.target() instanceof NamedValue n) {
                String property = i.index() instanceof StringLiteral s ? s.value() : null;
                out.add(new ContextReference(n.name(), property));
            } else {
                collect(i.target(), out);
            }
            collect(i.index(), out);
        } else if (e instanceof StarAccess s) {
            collect(s.target(), out);
        } else if (e instanceof Not n) {
            collect(n.operand(), out);
        } else if (e instanceof Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof FunctionCall f) {
            f.args().forEach(a -> collect(a, out));
        } else if (e instanceof Raw) {
            throw new IllegalArgumentException("raw text has no tree to collect from");
        }
    }
}
