package dev.pipewright.model.expr;

import java.util.Objects;

/** {@code target[index]}. */
public record IndexAccess(Expr target, Expr index) implements Expr {
    public IndexAccess {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(index, "index");
    }

    @Override
    public String render() {
        // the brackets delimit the index, so it never needs parentheses of its own
        return Precedence.postfixTarget(target) + "[" + index.render() + "]";
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
