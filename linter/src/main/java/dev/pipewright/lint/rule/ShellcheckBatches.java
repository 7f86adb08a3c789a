package dev.pipewright.lint.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs shellcheck for every file being linted at once: scripts waiting while a shellcheck process
 * runs go together to the next one, at most {@link #WORKERS} processes run at a time, and a script
 * text seen before (the same {@code run:} recurs across workflows) reuses its result. A process per
 * workflow file spent most of its time starting shellcheck: the corpus took a hundred times as long
 * with shellcheck as without.
 *
 * <p>shellcheck checks each file it is given on its own, so a script's comments do not depend on
 * its batch.
 */
final class ShellcheckBatches {
    /**
     * One script as shellcheck sees it: the complete file text, prelude included, and the
     * shellcheck to run.
     */
    record Key(Path shellcheck, String text) {}

    /** One shellcheck comment, its line and column in the file shellcheck saw. */
    record Comment(int line, int column, int code, String message) {}

    /** A process per core: shellcheck is single-threaded, and the lint threads wait meanwhile. */
    static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * Scripts per process: enough to amortise its start, few enough that a batch stays well inside
     * the timeout.
     */
    static final int MAX_BATCH = 256;

    /** Results kept for reuse; a long-running language server must not grow without bound. */
    private static final int CACHE_SIZE = 8192;

    private static final long TIMEOUT_SECONDS = 60;

    private static final ShellcheckBatches SHARED = new ShellcheckBatches();

    private record Pending(Key key, CompletableFuture<List<Comment>> result) {}

    private final Map<Key, CompletableFuture<List<Comment>>> cache =
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(
                        Map.Entry<Key, CompletableFuture<List<Comment>>> eldest) {
                    return size() > CACHE_SIZE;
                }
            };
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private int running;
    private final ExecutorService pool =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "pipewright-shellcheck");
                        t.setDaemon(true);
                        return t;
                    });

    static ShellcheckBatches shared() {
        return SHARED;
    }

    /**
     * shellcheck's comments on {@code key}'s text; empty when shellcheck fails, times out or prints
     * no JSON.
     */
    CompletableFuture<List<Comment>> check(Key key) {
        synchronized (this) {
            CompletableFuture<List<Comment>> known = cache.get(key);
            if (known != null) {
                return known;
            }
            CompletableFuture<List<Comment>> f = new CompletableFuture<>();
            cache.put(key, f);
            pending.add(new Pending(key, f));
            if (running < WORKERS) {
                running++;
                pool.execute(this::drain);
            }
            return f;
        }
    }

    /** Runs what is pending, batch after batch, until nothing is. */
    private void drain() {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            synchronized (this) {
                Pending first = pending.poll();
                if (first == null) {
                    running--;
                    return;
                }
                batch.add(first);
                // one shellcheck per process: a run configured with another one waits for its own
                // batch
                for (var it = pending.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
                    Pending p = it.next();
                    if (p.key().shellcheck().equals(first.key().shellcheck())) {
                        batch.add(p);
                        it.remove();
                    }
                }
            }
            List<List<Comment>> results = run(first(batch), batch);
            for (int i = 0; i < batch.size(); i++) {
                List<Comment> r = results == null ? List.of() : results.get(i);
                if (results == null) {
                    forget(batch.get(i));
                }
                batch.get(i).result().complete(r);
            }
        }
    }

    private static Path first(List<Pending> batch) {
        return batch.get(0).key().shellcheck();
    }

    /** A failed run is not remembered: the next lint of the script tries again. */
    private synchronized void forget(Pending p) {
        cache.remove(p.key(), p.result());
    }

    /**
     * Each script's comments, in {@code batch} order; null when shellcheck did not give its JSON.
     */
    private static List<List<Comment>> run(Path shellcheck, List<Pending> batch) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pipewright-shellcheck");
            List<String> cmd =
                    new ArrayList<>(
                            List.of(
                                    shellcheck.toString(),
                                    "--norc",
                                    "-f",
                                    "json1",
                                    "-x",
                                    "-e",
                                    ShellcheckRule.EXCLUDED));
            for (int i = 0; i < batch.size(); i++) {
                Path f = dir.resolve(i + ".sh");
                Files.writeString(f, batch.get(i).key().text(), StandardCharsets.UTF_8);
                cmd.add(f.getFileName().toString());
            }
            // Output to a file, not a pipe: reading a pipe would block past the timeout if
            // shellcheck hung.
            Path json = dir.resolve("shellcheck.json");
            Process p =
                    new ProcessBuilder(cmd)
                            .directory(dir.toFile())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .redirectOutput(json.toFile())
                            .start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            byte[] out = Files.readAllBytes(json);
            List<List<Comment>> results = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                results.add(new ArrayList<>());
            }
            if (out.length == 0) {
                return null;
            }
            for (JsonNode c : Json.MAPPER.readTree(out).path("comments")) {
                String file = c.path("file").asText();
                int index =
                        Integer.parseInt(
                                file.substring(file.lastIndexOf('/') + 1).replace(".sh", ""));
                if (index >= 0 && index < batch.size()) {
                    results.get(index)
                            .add(
                                    new Comment(
                                            c.path("line").asInt(),
                                            c.path("column").asInt(),
                                            c.path("code").asInt(),
                                            c.path("message").asText()));
                }
            }
            return results;
        } catch (IOException | RuntimeException e) {
            // A shellcheck that cannot run or prints no JSON leaves the rule silent, like an absent
            // one.
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            delete(dir);
        }
    }

    /**
     * Jackson only once shellcheck has printed something: building a mapper loads hundreds of
     * classes.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
