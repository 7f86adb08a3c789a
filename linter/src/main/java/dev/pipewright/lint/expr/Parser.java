package dev.pipewright.lint.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser with GitHub's precedence, loosest first: {@code ||}, {@code &&},
 * {@code == !=}, {@code < <= > >=}, {@code !}, then {@code . [] ()}.
 */
public final class Parser {
    /** GitHub refuses deeper nesting. */
    static final int MAX_DEPTH = 50;

    private final List<Token> tokens;
    private int i;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Each distinct text's tree or error (errors carry no stack trace, so one instance can be thrown again). */
    private static final TextCache<Object> PARSED = new TextCache<>(50_000);

    public static Expr parse(String text) throws ExprException {
        Object parsed = PARSED.get(text, t -> {
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
        Expr e = p.or();
        Token t = p.peek();
        if (t.kind() != Token.Kind.EOF) {
            throw new ExprException(t.offset(), "unexpected \"" + t.text() + "\" after a complete expression; a missing"
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

    private Expr or() throws ExprException {
        Expr left = and();
        while (at(Token.Kind.OR)) {
            Token op = next();
            left = new Expr.Binary(op.kind(), left, and(), op.offset());
        }
        return left;
    }

    private Expr and() throws ExprException {
        Expr left = equality();
        while (at(Token.Kind.AND)) {
            Token op = next();
            left = new Expr.Binary(op.kind(), left, equality(), op.offset());
        }
        return left;
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
            return new Expr.Not(nested(this::unary), op.offset());
        }
        return postfix();
    }

    private interface Step {
        Expr run() throws ExprException;
    }

    private Expr nested(Step s) throws ExprException {
        if (++depth > MAX_DEPTH) {
            throw new ExprException(peek().offset(), "the expression nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            return s.run();
        } finally {
            depth--;
        }
    }

    private Expr postfix() throws ExprException {
        Expr e = primary();
        while (true) {
            if (at(Token.Kind.DOT)) {
                Token dot = next();
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
                    e = new Expr.Index(e, nested(this::or), open.offset());
                }
                expect(Token.Kind.RBRACKET, "\"]\"");
            } else {
                return e;
            }
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
            case LPAREN: {
                Expr e = nested(this::or);
                expect(Token.Kind.RPAREN, "\")\"");
                return e;
            }
            case IDENT:
                if (at(Token.Kind.LPAREN)) {
                    next();
                    List<Expr> args = new ArrayList<>();
                    if (!at(Token.Kind.RPAREN)) {
                        args.add(nested(this::or));
                        while (at(Token.Kind.COMMA)) {
                            next();
                            args.add(nested(this::or));
                        }
                    }
                    expect(Token.Kind.RPAREN, "\",\" or \")\" in the arguments of " + t.text() + "()");
                    return new Expr.Call(t.text(), List.copyOf(args), t.offset());
                }
                return new Expr.Context(t.text(), t.offset());
            default:
                throw new ExprException(t.offset(), "expected a value but found " + describe(t));
        }
    }
}
