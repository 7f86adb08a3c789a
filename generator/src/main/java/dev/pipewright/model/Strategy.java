package dev.pipewright.model;

/**
 * A job strategy. {@code failFast} is a Boolean or expression; {@code maxParallel} an Integer or
 * expression.
 */
public record Strategy(Matrix matrix, Object failFast, Object maxParallel) {
    public Strategy {
        if (failFast != null && !(failFast instanceof Boolean) && !(failFast instanceof String)) {
            throw new IllegalArgumentException("fail-fast must be a boolean or an expression");
        }
        if (maxParallel != null
                && !(maxParallel instanceof Integer)
                && !(maxParallel instanceof String)) {
            throw new IllegalArgumentException("max-parallel must be an integer or an expression");
        }
        if (maxParallel instanceof Integer n && n < 1) {
            throw new IllegalArgumentException("max-parallel is " + n + "; it must be at least 1");
        }
    }

    public static Strategy of(Matrix matrix) {
        return new Strategy(matrix, null, null);
    }

    public Strategy failFast(boolean value) {
        return new Strategy(matrix, value, maxParallel);
    }

    public Strategy maxParallel(int value) {
        return new Strategy(matrix, failFast, value);
    }
}
