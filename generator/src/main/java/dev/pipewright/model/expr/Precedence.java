package dev.pipewright.model.expr;

import java.util.regex.Pattern;

/** Binding levels and the parenthesising rules derived from them. */
final class Precedence {
    static final int LOOSEST = 0;
    static final int OR = 1;
    static final int AND = 2;
    static final int EQUALITY = 3;
    static final int COMPARISON = 4;
    static final int UNARY = 5;
    static final int POSTFIX = 6;
    static final int LITERAL = 7;

    // raw text that is obviously a single path binds like a postfix chain; anything else is
    // parenthesised because we cannot know its shape
    private static final Pattern SIMPLE_PATH =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

    // "true.x" is not a path: keywords are literals, and a literal cannot be dereferenced
    private static final Pattern KEYWORD = Pattern.compile("(true|false|null|NaN|Infinity)(\\.|$)");

    private Precedence() {}

    static int of(Expr e) {
        return e.accept(LEVEL);
    }

    private static final Expr.Visitor<Integer> LEVEL =
            new Expr.Visitor<>() {
                @Override
                public Integer visit(StringLiteral literal) {
                    return LITERAL;
                }

                @Override
                public Integer visit(NumberLiteral literal) {
                    return LITERAL;
                }

                @Override
                public Integer visit(BooleanLiteral literal) {
                    return LITERAL;
                }

                @Override
                public Integer visit(NullLiteral literal) {
                    return LITERAL;
                }

                @Override
                public Integer visit(NamedValue value) {
                    return POSTFIX;
                }

                @Override
                public Integer visit(PropertyAccess access) {
                    return POSTFIX;
                }

                @Override
                public Integer visit(IndexAccess access) {
                    return POSTFIX;
                }

                @Override
                public Integer visit(StarAccess access) {
                    return POSTFIX;
                }

                @Override
                public Integer visit(Not not) {
                    return UNARY;
                }

                @Override
                public Integer visit(Binary binary) {
                    return binary.operator().precedence();
                }

                @Override
                public Integer visit(FunctionCall call) {
                    return POSTFIX;
                }

                @Override
                public Integer visit(Raw raw) {
                    String text = raw.text().strip();
                    boolean path =
                            SIMPLE_PATH.matcher(text).matches()
                                    && !KEYWORD.matcher(text).lookingAt();
                    return path ? POSTFIX : LOOSEST;
                }
            };

    /** The operand's text, parenthesised when it binds looser than {@code level}. */
    static String operand(Expr e, int level) {
        String text = e.render();
        return of(e) < level ? "(" + text + ")" : text;
    }

    /**
     * The text of a postfix target. GitHub's parser only allows {@code .x} and {@code [i]} after a
     * named value, a call, a group or another access, so literals are grouped too.
     */
    static String postfixTarget(Expr e) {
        String text = e.render();
        int level = of(e);
        return level < POSTFIX || level == LITERAL ? "(" + text + ")" : text;
    }
}
