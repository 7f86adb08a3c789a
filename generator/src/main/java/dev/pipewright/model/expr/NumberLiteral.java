package dev.pipewright.model.expr;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number literal, kept as an exact decimal and rendered in plain notation: {@code 1e21} in Java's
 * form ({@code 1.0E21}) is not something we want to depend on GitHub's parsers agreeing on.
 */
public record NumberLiteral(BigDecimal value) implements Expr {
    public NumberLiteral {
        Objects.requireNonNull(value, "value");
        // one canonical form so that 1.0 and 1 are the same literal (record equality)
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    static NumberLiteral of(long value) {
        return new NumberLiteral(BigDecimal.valueOf(value));
    }

    static NumberLiteral of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "number literal must be finite, got "
                            + value
                            + " (GitHub expressions cannot spell it)");
        }
        // Double.toString gives the shortest decimal that round-trips, so 0.1 stays 0.1
        return new NumberLiteral(new BigDecimal(Double.toString(value)));
    }

    @Override
    public String render() {
        return value.toPlainString();
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
