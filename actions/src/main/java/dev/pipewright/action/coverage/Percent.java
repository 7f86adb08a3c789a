package dev.pipewright.action.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percent arithmetic on exact ratios, so 2/3 is 66.67 everywhere and gates compare what users are shown. */
public final class Percent {
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {}

    /** {@code 100 * covered / total} to two decimals, half-even; null for 0/0 (never NaN). */
    public static BigDecimal of(long covered, long total) {
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(covered).multiply(HUNDRED).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_EVEN);
    }

    /** Text for outputs and summaries: two decimals, empty when not applicable. */
    public static String text(BigDecimal p) {
        return p == null ? "" : p.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * One decimal the way Go's {@code go tool cover} prints it ({@code %.1f} of the float64 ratio, which rounds the
     * exact binary value half-even: 56.25 prints as 56.2), so Go users see the figure their tools show.
     */
    public static String goStyle(long covered, long total) {
        double pct = total == 0 ? 0 : 100.0 * covered / total;
        return new BigDecimal(pct).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }
}
