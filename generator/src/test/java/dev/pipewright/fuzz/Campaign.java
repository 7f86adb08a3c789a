package dev.pipewright.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Runs one input surface's reader over its seeds, its crashers and mutations of the seeds, and
 * checks the contract every reader keeps: nothing escapes but the reader's documented bad-input
 * exception (which names the place), and each input finishes within {@link #TIME_LIMIT_MS} of CPU
 * time and {@link #WALL_LIMIT_MS} of wall time. A failing input is written under {@code
 * target/fuzz-crashers/} so it can be added to the module's crashers folder, where every later
 * build replays it.
 *
 * <p>{@code -Dfuzz.count=N} sets the mutations per surface (the build's default keeps the replay
 * short), {@code -Dfuzz.count.<surface>=N} one surface's; {@code -Dfuzz.seed=S} changes them.
 * Figures are appended to {@code target/fuzz-report.txt}.
 */
public final class Campaign {
    /**
     * Per-input bound on the reader's CPU time: a reader that computes longer on a file of a few
     * kilobytes is hanging. CPU time, not wall time, so that a machine shared with other builds
     * (load 30 on 2 cores) does not turn the first input of a surface, which pays for class
     * loading, into a false hang.
     */
    public static final long TIME_LIMIT_MS = Long.getLong("fuzz.timeout", 10_000);

    /** Wall-clock bound: a reader blocked (not computing) this long is hanging too. */
    public static final long WALL_LIMIT_MS = Long.getLong("fuzz.wallTimeout", 120_000);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);

    /** The reader under test. */
    @FunctionalInterface
    public interface Target {
        void run(byte[] input) throws Exception;
    }

    /** What one campaign did. */
    public record Result(
            String surface,
            int inputs,
            int refused,
            long millis,
            long peakHeapMb,
            List<String> failures) {
        /** One line for the report and the reliability doc. */
        public String line() {
            return String.format(
                    "%-28s inputs %7d  refused (located) %7d  time %6.1f s  peak heap %5d MB  failures %d",
                    surface, inputs, refused, millis / 1000.0, peakHeapMb, failures.size());
        }
    }

    private Campaign() {}

    /** Mutations per surface: {@code fuzz.count}, else {@code buildDefault}. */
    public static int count(int buildDefault) {
        return Integer.getInteger("fuzz.count", buildDefault);
    }

    /**
     * Runs {@code target} on every seed, every file of {@code crashers} (a folder of the module,
     * may be absent) and {@code mutations} mutated seeds; {@code documented} accepts the reader's
     * own, located bad-input exception.
     */
    public static Result run(
            String surface,
            List<Seeds.Seed> seeds,
            Path crashers,
            int mutations,
            Target target,
            Predicate<Throwable> documented) {
        // -Dfuzz.count.<surface>=N: a slow reader (scrypt-encrypted keys, megabyte lockfiles) gets
        // its own count
        mutations = Integer.getInteger("fuzz.count." + surface, mutations);
        List<Seeds.Seed> inputs = new ArrayList<>(seeds);
        if (crashers != null) {
            inputs.addAll(Seeds.files(crashers, n -> !n.equals("README.md")));
        }
        if (inputs.isEmpty()) {
            throw new IllegalStateException(surface + ": no seeds");
        }
        resetPeaks();
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int refused = 0;
        int total = 0;
        Random rnd = new Random(SEED ^ surface.hashCode());
        ExecutorService pool = newPool(surface);
        try {
            int planned = seeds.size() + (inputs.size() - seeds.size()) + mutations;
            for (int i = 0; i < planned; i++) {
                Seeds.Seed seed;
                byte[] data;
                if (i < inputs.size()) {
                    seed = inputs.get(i);
                    data = seed.data();
                } else {
                    seed = seeds.get(rnd.nextInt(seeds.size()));
                    data = Mutator.mutate(seed.data(), rnd);
                }
                total++;
                long[] worker = {-1, 0};
                Future<?> f = submit(pool, target, data, worker);
                try {
                    String hang = await(f, worker, TIME_LIMIT_MS, WALL_LIMIT_MS);
                    if (hang != null) {
                        f.cancel(true);
                        pool.shutdownNow();
                        pool = newPool(surface); // the hung thread is a daemon and is left behind
                        failures.add(
                                save(
                                        surface,
                                        data,
                                        "hang (" + hang + ") on " + describe(i, inputs, seed)));
                    }
                } catch (ExecutionException e) {
                    Throwable t = e.getCause();
                    if (documented.test(t)) {
                        refused++;
                    } else {
                        failures.add(
                                save(
                                        surface,
                                        data,
                                        t + " on " + describe(i, inputs, seed) + at(t)));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (total % 1000 == 0) {
                    // a long campaign stopped early still leaves measured figures in the log
                    System.out.printf(
                            "fuzz: %s progress: inputs %d, refused (located) %d, failures %d, %.1f s%n",
                            surface,
                            total,
                            refused,
                            failures.size(),
                            (System.nanoTime() - start) / 1e9);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Result r =
                new Result(
                        surface,
                        total,
                        refused,
                        (System.nanoTime() - start) / 1_000_000,
                        peakHeapMb(),
                        failures);
        report(r);
        return r;
    }

    /**
     * Runs the target on {@code data}; {@code worker} gets the thread's id and its CPU time at the
     * start.
     */
    static Future<?> submit(ExecutorService pool, Target target, byte[] data, long[] worker) {
        return pool.submit(
                () -> {
                    synchronized (worker) {
                        worker[1] = THREADS.getCurrentThreadCpuTime();
                        worker[0] = Thread.currentThread().getId();
                    }
                    target.run(data);
                    return null;
                });
    }

    /**
     * Waits for the input to finish; returns why it is hanging (CPU or wall bound passed), or null
     * when it finished.
     */
    static String await(Future<?> f, long[] worker, long cpuLimitMs, long wallLimitMs)
            throws ExecutionException, InterruptedException {
        long start = System.nanoTime();
        while (true) {
            try {
                f.get(100, TimeUnit.MILLISECONDS);
                return null;
            } catch (TimeoutException e) {
                long wallMs = (System.nanoTime() - start) / 1_000_000;
                long cpuMs;
                synchronized (worker) {
                    long now =
                            worker[0] < 0 || !THREADS.isThreadCpuTimeSupported()
                                    ? -1
                                    : THREADS.getThreadCpuTime(worker[0]);
                    cpuMs = now < 0 ? wallMs : (now - worker[1]) / 1_000_000;
                }
                if (cpuMs > cpuLimitMs) {
                    return "over " + cpuLimitMs + " ms of CPU";
                }
                if (wallMs > wallLimitMs) {
                    return "over " + wallLimitMs + " ms of wall time, " + cpuMs + " ms of CPU";
                }
            }
        }
    }

    private static String describe(int i, List<Seeds.Seed> inputs, Seeds.Seed seed) {
        return i < inputs.size()
                ? seed.name()
                : "mutation " + i + " of " + seed.name() + " (fuzz.seed " + SEED + ")";
    }

    private static String at(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < Math.min(4, st.length); k++) {
            b.append("\n      at ").append(st[k]);
        }
        return b.toString();
    }

    private static ExecutorService newPool(String surface) {
        return Executors.newSingleThreadExecutor(
                r -> {
                    Thread t = new Thread(null, r, "fuzz-" + surface, 64L * 1024 * 1024);
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Writes the input to {@code target/fuzz-crashers/<surface>/<sha-256 prefix>} and returns the
     * message naming it.
     */
    private static String save(String surface, byte[] data, String what) {
        try {
            String name =
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 8);
            Path dir = Files.createDirectories(Path.of("target", "fuzz-crashers", surface));
            Files.write(dir.resolve(name), data);
            return what + " (input saved as " + dir.resolve(name) + ")";
        } catch (IOException | NoSuchAlgorithmException e) {
            return what + " (input not saved: " + e + ")";
        }
    }

    private static void report(Result r) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(
                    Path.of("target", "fuzz-report.txt"),
                    r.line() + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the figures are a convenience; the assertion on the result is what counts
        }
        System.out.println("fuzz: " + r.line());
        r.failures().stream().limit(20).forEach(f -> System.out.println("fuzz:   " + f));
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }

    /**
     * Whether a message names a place: {@code file:line[:col]: } or {@code line N}, {@code column
     * N}, {@code offset N}.
     */
    public static boolean located(String message) {
        return message != null
                && (message.matches("(?s).*?[^\\s:]+:\\d+(:\\d+)?: .*")
                        || message.matches(
                                "(?s).*\\b(line|column|offset|byte|entry|position|index) \\d+.*"));
    }
}
