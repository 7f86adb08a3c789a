package dev.pipewright.action.retry;

import java.time.Duration;

/** Monotonic time and sleeping, injectable so retry loops can be tested without waiting. */
public interface Ticker {
    /** Nanoseconds from an arbitrary origin, monotonic. */
    long nanos();

    void sleep(Duration d) throws InterruptedException;

    /** The real clock: {@link System#nanoTime()} and {@link Thread#sleep}. */
    static Ticker system() {
        return new Ticker() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                if (!d.isNegative() && !d.isZero()) {
                    Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
                }
            }
        };
    }

    /** A fake clock for tests: sleeping advances the time instantly. */
    static Fake fake() {
        return new Fake();
    }

    /**
     * A manual clock whose {@link #sleep} only moves time forward; {@link #advance} simulates slow
     * work.
     */
    final class Fake implements Ticker {
        private long now;

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            advance(d);
        }

        public void advance(Duration d) {
            now += Math.max(0, d.toNanos());
        }

        public Duration elapsed() {
            return Duration.ofNanos(now);
        }
    }
}
