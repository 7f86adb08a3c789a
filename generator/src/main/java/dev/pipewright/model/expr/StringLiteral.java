package dev.pipewright.model.expr;

import java.util.Objects;

/** A string literal such as {@code 'it''s'}. */
public record StringLiteral(String value) implements Expr {
    public StringLiteral {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String render() {
        return quote(value);
    }

    /**
     * Single-quotes a string; GitHub's only escape is a doubled quote (a backslash is a lexer
     * error).
     */
    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
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
