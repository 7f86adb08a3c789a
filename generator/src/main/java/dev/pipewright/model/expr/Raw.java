package dev.pipewright.model.expr;

import java.util.Objects;

/** Trusted expression text used as-is: the escape hatch for what the DSL does not model. */
public record Raw(String text) implements Expr {
    public Raw {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("raw expression text is blank");
        }
    }

    @Override
    public String render() {
        return text;
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
