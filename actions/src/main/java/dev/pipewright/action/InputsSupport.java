package dev.pipewright.action;

import java.math.BigDecimal;

/**
 * Parsing helpers shared by actions for values that come from inside an input (e.g. one line of a
 * list).
 */
public final class InputsSupport {
    private InputsSupport() {}

    /** A percentage 0–100, optionally with a trailing {@code %}; errors name {@code what}. */
    public static BigDecimal decimal(String what, String raw) {
        return Inputs.parseDecimal(what, raw, BigDecimal.ZERO, BigDecimal.valueOf(100));
    }
}
