package dev.pipewright.model.expr;

import java.util.Objects;

/** {@code !operand}. */
public record Not(Expr operand) implements Expr {
    public Not {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public String render() {
        return "!" + Precedence.operand(operand, Precedence.UNARY);
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
