package dev.pipewright.github.expr;

import dev.pipewright.github.TextCache;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser with GitHub's precedence, loosest first: {@code ||}, {@code &&},
 * {@code == !=}, {@code < <= > >=}, {@code !}, then {@code . [] ()}. It follows GitHub's parser
 * ({@code @actions/expressions}) in what it refuses: {@code .x} and {@code [i]} only after a named
 * value, a call or a parenthesised group, and nesting deeper than {@link #MAX_DEPTH} counted as
 * GitHub counts it.
 */
public final class Parser {
    /** GitHub refuses deeper nesting ({@code MAX_PARSER_DEPTH}). */
    public static final int MAX_DEPTH = 50;

    private final List<Token> tokens;
    private int i;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Each distinct text's tree or error (errors carry no stack trace, so one instance can be
     * thrown again).
     */
    private static final TextCache<Object> PARSED = new TextCache<>(50_000);

    public static Expr parse(String text) throws ExprException {
        Object parsed =
                PARSED.get(
                        text,
                        t -> {
                            try {
                                return parseText(t);
                            } catch (ExprException e) {
                                return e;
                            }
                        });
        if (parsed instanceof ExprException e) {
            throw e;
        }
        return (Expr) parsed;
    }

    private static Expr parseText(String text) throws ExprException {
        if (text.isBlank()) {
            throw new ExprException(0, "the expression is empty");
        }
        Parser p = new Parser(Lexer.lex(text));
        Expr e = p.expression();
        Token t = p.peek();
        if (t.kind() != Token.Kind.EOF) {
            throw new ExprException(
                    t.offset(),
                    "unexpected \""
                            + t.text()
                            + "\" after a complete expression; a missing"
                            + " operator such as \"&&\"?");
        }
        return e;
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token next() {
        return tokens.get(i++);
    }

    private boolean at(Token.Kind k) {
        return peek().kind() == k;
    }

    private Token expect(Token.Kind k, String what) throws ExprException {
        Token t = peek();
        if (t.kind() != k) {
            throw new ExprException(t.offset(), "expected " + what + " but found " + describe(t));
        }
        return next();
    }

    private static String describe(Token t) {
        return t.kind() == Token.Kind.EOF ? "the end of the expression" : "\"" + t.text() + "\"";
    }

    // GitHub counts a level for every whole expression: the top, a group, an argument, an index
    private Expr expression() throws ExprException {
        enter();
        try {
            return or();
        } finally {
            depth--;
        }
    }

    private Expr or() throws ExprException {
        Expr left = and();
        if (!at(Token.Kind.OR)) {
            return left;
        }
        // and one for a chain of || (likewise &&), around its right operands
        enter();
        try {
            while (at(Token.Kind.OR)) {
                Token op = next();
                left = new Expr.Binary(op.kind(), left, and(), op.offset());
            }
            return left;
        } finally {
            depth--;
        }
    }

    private Expr and() throws ExprException {
        Expr left = equality();
        if (!at(Token.Kind.AND)) {
            return left;
        }
        enter();
        try {
            while (at(Token.Kind.AND)) {
                Token op = next();
                left = new Expr.Binary(op.kind(), left, equality(), op.offset());
            }
            return left;
        } finally {
            depth--;
        }
    }

    private Expr equality() throws ExprException {
        Expr left = comparison();
        while (at(Token.Kind.EQ) || at(Token.Kind.NE)) {
            Token op = next();
            left = new Expr.Binary(op.kind(), left, comparison(), op.offset());
        }
        return left;
    }

    private Expr comparison() throws ExprException {
        Expr left = unary();
        while (at(Token.Kind.LT) || at(Token.Kind.LE) || at(Token.Kind.GT) || at(Token.Kind.GE)) {
            Token op = next();
            left = new Expr.Binary(op.kind(), left, unary(), op.offset());
        }
        return left;
    }

    private Expr unary() throws ExprException {
        if (at(Token.Kind.BANG)) {
            Token op = next();
            enter();
            try {
                return new Expr.Not(unary(), op.offset());
            } finally {
                depth--;
            }
        }
        return postfix();
    }

    private void enter() throws ExprException {
        if (++depth > MAX_DEPTH) {
            throw new ExprException(
                    peek().offset(), "the expression nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    // like GitHub's parser, '.x' and '[i]' may only follow a named value, a call or a group, and
    // each one in a chain
    // counts a level until the chain ends
    private Expr postfix() throws ExprException {
        boolean dereferenceable = at(Token.Kind.IDENT) || at(Token.Kind.LPAREN);
        Expr e = primary();
        int levels = 0;
        try {
            while (dereferenceable) {
                if (at(Token.Kind.DOT)) {
                    Token dot = next();
                    levels++;
                    enter();
                    if (at(Token.Kind.STAR)) {
                        next();
                        e = new Expr.Star(e, dot.offset());
                    } else {
                        Token name = expect(Token.Kind.IDENT, "a property name after \".\"");
                        e = new Expr.Property(e, name.text(), name.offset());
                    }
                } else if (at(Token.Kind.LBRACKET)) {
                    Token open = next();
                    if (at(Token.Kind.STAR)) {
                        next();
                        e = new Expr.Star(e, open.offset());
                    } else {
                        e = new Expr.Index(e, expression(), open.offset());
                    }
                    expect(Token.Kind.RBRACKET, "\"]\"");
                    levels++;
                    enter();
                } else {
                    break;
                }
            }
            return e;
        } finally {
            depth -= levels;
        }
    }

    private Expr primary() throws ExprException {
        Token t = next();
        switch (t.kind()) {
            case STRING:
                return new Expr.Literal(t.value(), Type.STRING, t.offset());
            case NUMBER:
                return new Expr.Literal(t.text(), Type.NUMBER, t.offset());
            case TRUE:
            case FALSE:
                return new Expr.Literal(t.kind() == Token.Kind.TRUE, Type.BOOL, t.offset());
            case NULL:
                return new Expr.Literal(null, Type.NULL, t.offset());
            case LPAREN:
                {
                    Expr e = expression();
                    expect(Token.Kind.RPAREN, "\")\"");
                    return e;
                }
            case IDENT:
                if (at(Token.Kind.LPAREN)) {
                    next();
                    List<Expr> args = new ArrayList<>();
                    if (!at(Token.Kind.RPAREN)) {
                        args.add(expression());
                        while (at(Token.Kind.COMMA)) {
                            next();
                            args.add(expression());
                        }
                    }
                    expect(
                            Token.Kind.RPAREN,
                            "\",\" or \")\" in the arguments of " + t.text() + "()");
                    return new Expr.Call(t.text(), List.copyOf(args), t.offset());
                }
                return new Expr.Context(t.text(), t.offset());
            default:
                throw new ExprException(t.offset(), "expected a value but found " + describe(t));
        }
    }
}
