package dev.pipewright.model.expr;

import java.util.Objects;

/** A context used as an expression root, such as {@code github} or {@code needs}. */
public record NamedValue(String name) implements Expr {
    public NamedValue {
        Objects.requireNonNull(name, "name");
        if (!Names.isIdentifier(name)) {
            throw new IllegalArgumentException("not a valid context name: '" + name + "'");
        }
    }

    @Override
    public String render() {
        return name;
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
