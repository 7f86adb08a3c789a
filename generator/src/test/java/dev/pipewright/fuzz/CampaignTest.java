package dev.pipewright.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The campaign's hang bound counts the reader's CPU time: an input that waits (as one does on a
 * machine where other builds hold the cores) is not a hang, one that computes past the bound is,
 * and one blocked past the wall bound is.
 */
class CampaignTest {
    private final ExecutorService pool =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r);
                        t.setDaemon(true);
                        return t;
                    });

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void anInputThatWaitsLongerThanTheCpuBoundIsNotAHang() throws Exception {
        long[] worker = {-1, 0};
        assertThat(
                        Campaign.await(
                                Campaign.submit(pool, d -> Thread.sleep(600), new byte[0], worker),
                                worker,
                                200,
                                5_000))
                .isNull();
    }

    @Test
    void anInputThatComputesPastTheCpuBoundIsAHang() throws Exception {
        long[] worker = {-1, 0};
        Campaign.Target spin =
                d -> {
                    long x = 0;
                    while (!Thread.currentThread().isInterrupted()) {
                        x += System.nanoTime() & 1;
                    }
                };
        assertThat(
                        Campaign.await(
                                Campaign.submit(pool, spin, new byte[0], worker),
                                worker,
                                200,
                                60_000))
                .isEqualTo("over 200 ms of CPU");
    }

    @Test
    void anInputBlockedPastTheWallBoundIsAHang() throws Exception {
        long[] worker = {-1, 0};
        assertThat(
                        Campaign.await(
                                Campaign.submit(
                                        pool, d -> Thread.sleep(60_000), new byte[0], worker),
                                worker,
                                10_000,
                                300))
                .startsWith("over 300 ms of wall time");
    }
}
