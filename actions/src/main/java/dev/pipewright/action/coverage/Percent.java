package dev.pipewright.action.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Percent arithmetic on exact ratios, so 2/3 is 66.67 everywhere and gates compare what users are
 * shown.
 */
public final class Percent {
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * How a report's percentages are rounded, for display and for gates alike: users gate on the
     * figure their own tool prints, so Go-only coverage uses {@code go tool cover}'s one decimal
     * and everything else two.
     */
    public enum Precision {
        /**
         * Two decimals, half-even on the exact ratio: the figures JaCoCo, coverage.py and LCOV
         * users see.
         */
        TWO_DECIMALS(2),
        /**
         * One decimal exactly as {@code go tool cover -func} prints its total (see {@link
         * #goStyle}).
         */
        GO(1);

        private final int scale;

        Precision(int scale) {
            this.scale = scale;
        }

        public int scale() {
            return scale;
        }

        /** {@code 100 * covered / total} at this precision; null for 0/0 (never NaN). */
        public BigDecimal of(long covered, long total) {
            if (total == 0) {
                return null;
            }
            return this == GO
                    ? new BigDecimal(goStyle(covered, total))
                    : Percent.of(covered, total);
        }

        /**
         * A computed percentage (e.g. a difference) rounded half-even to this precision; null stays
         * null.
         */
        public BigDecimal round(BigDecimal p) {
            return p == null ? null : p.setScale(scale, RoundingMode.HALF_EVEN);
        }

        /** Text for outputs and summaries at this precision, empty when not applicable. */
        public String text(BigDecimal p) {
            return p == null ? "" : round(p).toPlainString();
        }

        /**
         * Text of a user-given figure (a base coverage, a threshold derived from it) at this
         * precision, or with more decimals when rounding would hide the value actually compared
         * against.
         */
        public String exactText(BigDecimal p) {
            if (p == null) {
                return "";
            }
            return p.setScale(
                            Math.max(scale, p.stripTrailingZeros().scale()),
                            RoundingMode.UNNECESSARY)
                    .toPlainString();
        }
    }

    private Percent() {}

    /** {@code 100 * covered / total} to two decimals, half-even; null for 0/0 (never NaN). */
    public static BigDecimal of(long covered, long total) {
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(covered)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_EVEN);
    }

    /** Text for outputs and summaries: two decimals, empty when not applicable. */
    public static String text(BigDecimal p) {
        return Precision.TWO_DECIMALS.text(p);
    }

    /**
     * One decimal the way Go's {@code go tool cover} prints it ({@code %.1f} of the float64 ratio,
     * which rounds the exact binary value half-even: 56.25 prints as 56.2), so Go users see the
     * figure their tools show.
     */
    public static String goStyle(long covered, long total) {
        double pct = total == 0 ? 0 : 100.0 * covered / total;
        return new BigDecimal(pct).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }
}
