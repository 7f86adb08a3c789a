package dev.pipewright.github.expr;

import java.util.List;

/** The syntax tree of an expression; {@code offset} locates each node in the expression text. */
public sealed interface Expr {
    int offset();

    /** Calls the visitor's method for this kind of node. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of node, so a new kind does not compile until every tree walk that visits
     * it handles it.
     */
    interface Visitor<R> {
        R visit(Literal literal);

        R visit(Context context);

        R visit(Property property);

        R visit(Index index);

        R visit(Star star);

        R visit(Call call);

        R visit(Not not);

        R visit(Binary binary);
    }

    /** A string, number, boolean or null literal. */
    record Literal(Object value, Type type, int offset) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** A top-level named value: a context such as {@code github} or {@code matrix}. */
    record Context(String name, int offset) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code receiver.name}. */
    record Property(Expr receiver, String name, int offset) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code receiver[index]}. */
    record Index(Expr receiver, Expr index, int offset) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code receiver.*} or {@code receiver[*]}: the object filter. */
    record Star(Expr receiver, int offset) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code name(args)}. */
    record Call(String name, List<Expr> args, int offset) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code !operand}. */
    record Not(Expr operand, int offset) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** A binary operator: {@code == != < <= > >= && ||}. */
    record Binary(Token.Kind op, Expr left, Expr right, int offset) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
