package dev.pipewright.action.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Exponential backoff: {@code initial · factor^n} capped at {@code max}, each delay scaled by a
 * random factor in {@code [1 - jitter, 1 + jitter]} (seeded, so a run can be replayed) so that many
 * jobs polling the same service do not retry in lockstep.
 */
public record Backoff(Duration initial, double factor, Duration max, double jitter) {
    public Backoff {
        Objects.requireNonNull(initial, "initial == null");
        Objects.requireNonNull(max, "max == null");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial interval must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "max interval " + max + " is shorter than the initial " + initial);
        }
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be at least 1, got " + factor);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** The un-jittered delay before retry {@code n} (0-based). */
    public Duration base(int n) {
        double nanos = initial.toNanos() * Math.pow(factor, n);
        return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }

    /** The delay before retry {@code n} with jitter drawn from {@code random}. */
    public Duration delay(int n, Random random) {
        double scale = 1.0 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofNanos((long) (base(n).toNanos() * scale));
    }

    /** The longest delay any retry can get: {@code max · (1 + jitter)}. */
    public Duration longest() {
        return Duration.ofNanos((long) (max.toNanos() * (1 + jitter)));
    }
}
