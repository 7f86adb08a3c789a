package dev.pipewright.model.expr;

import dev.pipewright.github.expr.ExprException;
import dev.pipewright.github.expr.Parser;
import dev.pipewright.github.expr.Token;
import dev.pipewright.github.expr.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads expression text into the typed tree. The text is read by GitHub's rules in {@code
 * dev.pipewright.github} (the parser the linter uses); this class only maps that syntax tree onto
 * the model's, and the model's constructors check functions and their arity with the same tables,
 * so a workflow with {@code ${{ github.ref == }}} fails when it is built, not when it is pushed.
 */
public final class ExpressionParser {
    private final String text;

    private ExpressionParser(String text) {
        this.text = text;
    }

    /** The expression tree of {@code text} (the inside of a {@code ${{ }}}). */
    public static Expr parse(String text) {
        // the core's tree has the same simple names as ours, hence the qualified name
        dev.pipewright.github.expr.Expr tree;
        try {
            tree = Parser.parse(text);
        } catch (ExprException e) {
            throw new ExpressionSyntaxException(e.getMessage(), e.offset(), text);
        }
        return new ExpressionParser(text).convert(tree);
    }

    private Expr convert(dev.pipewright.github.expr.Expr e) {
        return e.accept(converter);
    }

    // one method per node of GitHub's syntax tree: a node kind the parser gains does not compile
    // until it is mapped here
    private final dev.pipewright.github.expr.Expr.Visitor<Expr> converter =
            new dev.pipewright.github.expr.Expr.Visitor<>() {
                @Override
                public Expr visit(dev.pipewright.github.expr.Expr.Literal l) {
                    if (l.type() == Type.STRING) {
                        return new StringLiteral((String) l.value());
                    } else if (l.type() == Type.NUMBER) {
                        return new NumberLiteral(number((String) l.value(), l.offset()));
                    } else if (l.type() == Type.BOOL) {
                        return Expr.lit((Boolean) l.value());
                    }
                    return Expr.nullLiteral();
                }

                @Override
                public Expr visit(dev.pipewright.github.expr.Expr.Context c) {
                    return new NamedValue(c.name());
                }

                @Override
                public Expr visit(dev.pipewright.github.expr.Expr.Property p) {
                    return new PropertyAccess(convert(p.receiver()), p.name());
                }

                @Override
                public Expr visit(dev.pipewright.github.expr.Expr.Index i) {
                    return new IndexAccess(convert(i.receiver()), convert(i.index()));
                }

                @Override
                public Expr visit(dev.pipewright.github.expr.Expr.Star s) {
                    return new StarAccess(convert(s.receiver()));
                }

                @Override
                public Expr visit(dev.pipewright.github.expr.Expr.Call c) {
                    return call(c);
                }

                @Override
                public Expr visit(dev.pipewright.github.expr.Expr.Not n) {
                    return new Not(convert(n.operand()));
                }

                @Override
                public Expr visit(dev.pipewright.github.expr.Expr.Binary b) {
                    return new Binary(convert(b.left()), operator(b.op()), convert(b.right()));
                }
            };

    private Expr call(dev.pipewright.github.expr.Expr.Call c) {
        Function f =
                Function.byName(c.name())
                        .orElseThrow(
                                () ->
                                        new ExpressionSyntaxException(
                                                "unknown function \"" + c.name() + "\"",
                                                c.offset(),
                                                text));
        List<Expr> args = new ArrayList<>();
        c.args().forEach(a -> args.add(convert(a)));
        try {
            return new FunctionCall(f, args);
        } catch (IllegalArgumentException arityOrFormat) {
            throw new ExpressionSyntaxException(arityOrFormat.getMessage(), c.offset(), text);
        }
    }

    private static Operator operator(Token.Kind op) {
        return switch (op) {
            case OR -> Operator.OR;
            case AND -> Operator.AND;
            case EQ -> Operator.EQ;
            case NE -> Operator.NE;
            case LT -> Operator.LT;
            case LE -> Operator.LE;
            case GT -> Operator.GT;
            case GE -> Operator.GE;
            default -> throw new IllegalStateException("not a binary operator: " + op);
        };
    }

    /** GitHub reads numbers with JavaScript's Number(): hex, octal and binary prefixes included. */
    private BigDecimal number(String n, int offset) {
        String digits = n.startsWith("+") || n.startsWith("-") ? n.substring(1) : n;
        boolean negative = n.startsWith("-");
        try {
            BigDecimal value;
            if (digits.length() > 2
                    && digits.charAt(0) == '0'
                    && "xXoObB".indexOf(digits.charAt(1)) >= 0) {
                int radix =
                        switch (Character.toLowerCase(digits.charAt(1))) {
                            case 'x' -> 16;
                            case 'o' -> 8;
                            default -> 2;
                        };
                value = new BigDecimal(new BigInteger(digits.substring(2), radix));
            } else {
                value = new BigDecimal(digits);
            }
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            throw new ExpressionSyntaxException("'" + n + "' is not a number", offset, text);
        }
    }
}
