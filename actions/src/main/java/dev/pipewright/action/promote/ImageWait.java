package dev.pipewright.action.promote;

import dev.pipewright.action.retry.Backoff;
import dev.pipewright.action.retry.Durations;
import dev.pipewright.action.retry.Ticker;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Waits until the registry has an image's tag, polling with backoff until the timeout: a release
 * workflow usually starts promoting while the last image is still being pushed.
 */
final class ImageWait {
    /** The digest when found, the number of lookups, and the last answer (for the summary). */
    record Result(Optional<String> digest, int polls, String detail, Duration waited) {}

    private final Registry registry;
    private final Ticker ticker;
    private final Backoff backoff;
    private final Duration timeout;
    private final Random random;
    private final Consumer<String> progress;

    ImageWait(Registry registry, Ticker ticker, Backoff backoff, Duration timeout, Random random) {
        this(registry, ticker, backoff, timeout, random, line -> {});
    }

    /**
     * @param progress told of each lookup that did not find the image, before the wait for the next
     *     one
     */
    ImageWait(
            Registry registry,
            Ticker ticker,
            Backoff backoff,
            Duration timeout,
            Random random,
            Consumer<String> progress) {
        this.progress = progress;
        this.registry = registry;
        this.ticker = ticker;
        this.backoff = backoff;
        this.timeout = timeout;
        this.random = random;
    }

    Result await(ImageSpec image) throws InterruptedException {
        long start = ticker.nanos();
        int polls = 0;
        String detail;
        while (true) {
            polls++;
            try {
                Registry.Lookup l = registry.resolve(image);
                if (l.digest().isPresent()) {
                    return new Result(
                            l.digest(),
                            polls,
                            "found after " + polls + (polls == 1 ? " lookup" : " lookups"),
                            Duration.ofNanos(ticker.nanos() - start));
                }
                detail = l.detail();
                if (l.status() == 401 || l.status() == 403) {
                    break;
                }
            } catch (IOException e) {
                detail =
                        "registry unreachable: "
                                + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : " " + e.getMessage());
            }
            Duration delay = backoff.delay(polls - 1, random);
            Duration left = timeout.minusNanos(ticker.nanos() - start);
            if (left.compareTo(delay) < 0) {
                break;
            }
            // a wait of minutes must say what it waits for while it waits
            progress.accept(
                    image.name()
                            + ":"
                            + image.tag()
                            + ": lookup "
                            + polls
                            + ": "
                            + detail
                            + "; again in "
                            + Durations.format(delay));
            ticker.sleep(delay);
        }
        Duration waited = Duration.ofNanos(ticker.nanos() - start);
        return new Result(
                Optional.empty(),
                polls,
                detail
                        + " ("
                        + polls
                        + (polls == 1 ? " lookup" : " lookups")
                        + " in "
                        + Durations.format(waited)
                        + ")",
                waited);
    }
}
