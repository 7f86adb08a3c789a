package dev.pipewright.model.expr;

import java.util.Objects;

/** {@code target.*}: the object filter, an array of every property value of the target. */
public record StarAccess(Expr target) implements Expr {
    public StarAccess {
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String render() {
        return Precedence.postfixTarget(target) + ".*";
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
