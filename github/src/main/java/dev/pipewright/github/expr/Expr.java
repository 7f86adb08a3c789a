package dev.pipewright.github.expr;

import java.util.List;

/** The syntax tree of an expression; {@code offset} locates each node in the expression text. */
public sealed interface Expr {
    int offset();

    /** A string, number, boolean or null literal. */
    record Literal(Object value, Type type, int offset) implements Expr {}

    /** A top-level named value: a context such as {@code github} or {@code matrix}. */
    record Context(String name, int offset) implements Expr {}

    /** {@code receiver.name}. */
    record Property(Expr receiver, String name, int offset) implements Expr {}

    /** {@code receiver[index]}. */
    record Index(Expr receiver, Expr index, int offset) implements Expr {}

    /** {@code receiver.*} or {@code receiver[*]}: the object filter. */
    record Star(Expr receiver, int offset) implements Expr {}

    /** {@code name(args)}. */
    record Call(String name, List<Expr> args, int offset) implements Expr {}

    /** {@code !operand}. */
    record Not(Expr operand, int offset) implements Expr {}

    /** A binary operator: {@code == != < <= > >= && ||}. */
    record Binary(Token.Kind op, Expr left, Expr right, int offset) implements Expr {}
}
