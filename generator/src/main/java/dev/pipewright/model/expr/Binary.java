package dev.pipewright.model.expr;

import java.util.Objects;

/** A binary operation such as {@code a == b} or {@code a && b}. */
public record Binary(Expr left, Operator operator, Expr right) implements Expr {
    public Binary {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public String render() {
        int level = operator.precedence();
        // GitHub reads every binary operator left-associatively, so an operand of the same level
        // needs parentheses only on the right
        return Precedence.operand(left, level)
                + " "
                + operator.symbol()
                + " "
                + Precedence.operand(right, level + 1);
    }

    @Override
    public String toString() {
        return wrapped();
    }

    @Override
    public <R> R accept(Expr.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
