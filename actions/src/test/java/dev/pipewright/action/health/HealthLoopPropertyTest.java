package dev.pipewright.action.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.action.retry.Backoff;
import dev.pipewright.action.retry.Ticker;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Properties of the retry loop over seeded random cases (each repetition is one seed, so a failure
 * names a reproducible case): success after k failures is found within the bound; a never-healthy
 * target ends within one interval of the timeout; errors are retried and reported.
 */
class HealthLoopPropertyTest {
    record Case(Backoff backoff, Duration timeout, Duration work, int failures, long seed) {}

    static Case draw(long seed) {
        Random r = new Random(seed);
        Duration initial = Duration.ofMillis(100 + r.nextInt(3000));
        Duration max = initial.multipliedBy(1 + r.nextInt(20));
        double factor = 1 + r.nextDouble() * 2;
        Duration timeout = Duration.ofSeconds(5 + r.nextInt(300));
        Duration work = Duration.ofMillis(r.nextInt(500));
        return new Case(
                new Backoff(initial, factor, max, HealthGateAction.JITTER),
                timeout,
                work,
                r.nextInt(12),
                seed);
    }

    /**
     * A probe failing {@code failures} times (with varied errors) then healthy; every attempt takes
     * {@code work}.
     */
    static Probe flaky(Ticker.Fake clock, int failures, Duration work) {
        String[] errors = {
            "DNS: unknown host svc.invalid",
            "connection refused",
            "TLS: PKIX path building failed",
            "HTTP 503 (expected 200)"
        };
        return new Probe() {
            int n;

            @Override
            public Attempt attempt(Duration timeout) {
                clock.advance(work.compareTo(timeout) < 0 ? work : timeout);
                n++;
                return n > failures
                        ? new Attempt(true, "HTTP 200")
                        : new Attempt(false, errors[n % errors.length]);
            }

            @Override
            public String target() {
                return "flaky";
            }
        };
    }

    @RepeatedTest(200)
    void successAfterKFailuresIsFoundWithinTheBound(RepetitionInfo info) throws Exception {
        Case c = draw(info.getCurrentRepetition());
        Ticker.Fake clock = Ticker.fake();
        HealthLoop.Report r =
                new HealthLoop(
                                clock,
                                c.backoff(),
                                c.timeout(),
                                Duration.ofSeconds(10),
                                new Random(c.seed()))
                        .run(flaky(clock, c.failures(), c.work()));
        // The bound: k jittered delays at most base·1.2 each, plus k+1 attempts of work.
        Duration bound = c.work().multipliedBy(c.failures() + 1);
        for (int i = 0; i < c.failures(); i++) {
            bound = bound.plus(Duration.ofNanos((long) (c.backoff().base(i).toNanos() * 1.2) + 1));
        }
        if (bound.compareTo(c.timeout()) <= 0) {
            assertThat(r.healthy()).as("%s", c).isTrue();
            assertThat(r.attempts()).isEqualTo(c.failures() + 1);
            assertThat(r.elapsed()).isLessThanOrEqualTo(bound);
        } else {
            assertThat(r.elapsed()).isLessThanOrEqualTo(c.timeout().plus(c.work()));
        }
        // Every failure before the success was retried and reported with its cause.
        r.entries().stream()
                .filter(e -> !e.healthy())
                .forEach(
                        e ->
                                assertThat(e.detail())
                                        .matches("DNS: .*|connection refused|TLS: .*|HTTP 503.*"));
    }

    @RepeatedTest(200)
    void neverHealthyEndsAfterTheTimeoutWithinOneInterval(RepetitionInfo info) throws Exception {
        Case c = draw(1000 + info.getCurrentRepetition());
        Ticker.Fake clock = Ticker.fake();
        HealthLoop.Report r =
                new HealthLoop(
                                clock,
                                c.backoff(),
                                c.timeout(),
                                Duration.ofSeconds(10),
                                new Random(c.seed()))
                        .run(flaky(clock, Integer.MAX_VALUE, c.work()));
        assertThat(r.healthy()).isFalse();
        // Never sleeps past the deadline, and stops only when the next delay would cross it.
        assertThat(r.elapsed()).as("%s", c).isLessThanOrEqualTo(c.timeout().plus(c.work()));
        assertThat(r.elapsed())
                .as("%s", c)
                .isGreaterThan(c.timeout().minus(c.backoff().longest()).minus(c.work()));
        assertThat(r.attempts()).isEqualTo(r.entries().size()).isGreaterThanOrEqualTo(1);
    }

    @RepeatedTest(50)
    void jitterStaysWithinTwentyPercent(RepetitionInfo info) {
        Case c = draw(5000 + info.getCurrentRepetition());
        Random random = new Random(c.seed());
        for (int n = 0; n < 20; n++) {
            long base = c.backoff().base(n).toNanos();
            long d = c.backoff().delay(n, random).toNanos();
            assertThat(d).isBetween((long) (base * 0.8) - 1, (long) (base * 1.2) + 1);
            assertThat(c.backoff().base(n)).isLessThanOrEqualTo(c.backoff().max());
        }
    }
}
