package dev.pipewright.action.coverage;

import java.math.BigDecimal;

/**
 * Covered out of total units (lines, statements, branches); percentages are always weighted, never
 * averaged.
 */
public record Counter(long covered, long total) {
    public static final Counter ZERO = new Counter(0, 0);

    public Counter {
        if (covered < 0 || total < 0 || covered > total) {
            throw new IllegalArgumentException(
                    "covered " + covered + " of total " + total + " is not a ratio");
        }
    }

    public Counter plus(Counter o) {
        return new Counter(covered + o.covered, total + o.total);
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /**
     * Percent with two decimals (half-even on the exact ratio), or null when there is nothing to
     * cover.
     */
    public BigDecimal percent() {
        return Percent.of(covered, total);
    }

    /** Percent at the given precision, or null when there is nothing to cover. */
    public BigDecimal percent(Percent.Precision precision) {
        return precision.of(covered, total);
    }
}
