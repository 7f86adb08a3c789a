package dev.pipewright.action.health;

import dev.pipewright.action.retry.Backoff;
import dev.pipewright.action.retry.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Probes until healthy or until the overall timeout: exponential backoff with jitter between
 * attempts, and no sleep that would end past the deadline, so a never-healthy service ends within
 * one interval of the timeout.
 */
final class HealthLoop {
    /**
     * One attempt as reported: when it started (since the first), how long it took, and what it
     * saw.
     */
    record Entry(int attempt, Duration at, Duration took, boolean healthy, String detail) {}

    record Report(boolean healthy, int attempts, Duration elapsed, List<Entry> entries) {}

    private final Ticker ticker;
    private final Backoff backoff;
    private final Duration timeout;
    private final Duration attemptTimeout;
    private final Random random;

    HealthLoop(
            Ticker ticker,
            Backoff backoff,
            Duration timeout,
            Duration attemptTimeout,
            Random random) {
        this.ticker = ticker;
        this.backoff = backoff;
        this.timeout = timeout;
        this.attemptTimeout = attemptTimeout;
        this.random = random;
    }

    Report run(Probe probe) throws InterruptedException {
        return run(probe, e -> {});
    }

    /**
     * Probes, telling {@code onAttempt} about each attempt as soon as it ends, so a long wait shows
     * its progress.
     */
    Report run(Probe probe, Consumer<Entry> onAttempt) throws InterruptedException {
        long start = ticker.nanos();
        List<Entry> entries = new ArrayList<>();
        int n = 0;
        while (true) {
            n++;
            long before = ticker.nanos();
            Duration left = timeout.minusNanos(before - start);
            Duration limit =
                    left.compareTo(attemptTimeout) < 0 && !left.isNegative() && !left.isZero()
                            ? left
                            : attemptTimeout;
            Probe.Attempt a = probe.attempt(limit);
            long after = ticker.nanos();
            Entry entry =
                    new Entry(
                            n,
                            Duration.ofNanos(before - start),
                            Duration.ofNanos(after - before),
                            a.healthy(),
                            a.detail());
            entries.add(entry);
            onAttempt.accept(entry);
            if (a.healthy()) {
                return new Report(true, n, Duration.ofNanos(after - start), entries);
            }
            Duration delay = backoff.delay(n - 1, random);
            Duration elapsed = Duration.ofNanos(after - start);
            if (elapsed.plus(delay).compareTo(timeout) > 0) {
                return new Report(false, n, elapsed, entries);
            }
            ticker.sleep(delay);
        }
    }
}
