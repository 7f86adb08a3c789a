package dev.pipewright.model.expr;

import java.util.Objects;

/** {@code target.name}, or {@code target['name']} when the name is not a plain identifier. */
public record PropertyAccess(Expr target, String name) implements Expr {
    public PropertyAccess {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String render() {
        String suffix =
                Names.isIdentifier(name) ? "." + name : "[" + StringLiteral.quote(name) + "]";
        return Precedence.postfixTarget(target) + suffix;
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
