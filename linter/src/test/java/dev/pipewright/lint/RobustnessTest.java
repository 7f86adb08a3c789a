package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of corpus files (truncation, byte flips, deep nesting, alias bombs, huge
 * scalars) never crash or hang the linter. {@code -Drobustness.count=10000} runs the full count.
 */
class RobustnessTest {
    private static final int COUNT = Integer.getInteger("robustness.count", 300);
    private static final long SEED = Long.getLong("robustness.seed", 20261122L);

    @Test
    void mutatedFilesNeverCrashOrHang() throws Exception {
        Path corpus = TestFiles.sharedDir().resolve("corpus/workflows");
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Random rnd = new Random(SEED);
        Linter linter = new Linter(LintConfig.empty());
        ExecutorService pool =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "robustness");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            for (int i = 0; i < COUNT; i++) {
                String source =
                        Files.readString(
                                files.get(rnd.nextInt(files.size())), StandardCharsets.UTF_8);
                String mutated = mutate(source, rnd);
                int n = i;
                Future<List<Finding>> f =
                        pool.submit(
                                () ->
                                        linter.lintSource(
                                                "m" + n + ".yml",
                                                mutated,
                                                Linter.Kind.WORKFLOW,
                                                null));
                // A per-file time bound: a hang fails the test with the mutation's index to replay
                // it.
                assertThat(f.get(10, TimeUnit.SECONDS))
                        .as("mutation %d (seed %d)", n, SEED)
                        .isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String mutate(String s, Random rnd) {
        switch (rnd.nextInt(6)) {
            case 0:
                return s.substring(0, rnd.nextInt(s.length() + 1));
            case 1:
                {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    for (int k = 0; k < 1 + rnd.nextInt(8) && b.length > 0; k++) {
                        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                    }
                    return new String(b, StandardCharsets.UTF_8);
                }
            case 2:
                return s + "\nx: " + "[".repeat(200 + rnd.nextInt(2000)) + "\n";
            case 3:
                return "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                        + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                        + s;
            case 4:
                return s
                        + "\nenv:\n  BIG: \"${{ "
                        + "a".repeat(100_000 + rnd.nextInt(100_000))
                        + " }}\"\n";
            default:
                {
                    int at = rnd.nextInt(s.length() + 1);
                    String junk =
                            List.of(
                                            "${{",
                                            "}}",
                                            "'",
                                            "\t",
                                            ": ",
                                            "- ",
                                            "&x ",
                                            "*x",
                                            "!!binary ",
                                            "{",
                                            "]",
                                            "\u0000")
                                    .get(rnd.nextInt(12));
                    return s.substring(0, at) + junk + s.substring(at);
                }
        }
    }
}
