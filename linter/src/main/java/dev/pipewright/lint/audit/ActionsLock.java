package dev.pipewright.lint.audit;

import dev.pipewright.github.LockFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commits of action release tags the audits know: the lock bundled with Pipewright ({@code
 * catalog/actions.lock}, on the class path as {@code pipewright/actions.lock}), under the entries
 * of the project's {@code .github/pipewright.lock.yml}. Read leniently: lines that are not {@code
 * owner/repo@tag: <sha>} are skipped, since the generator's reader already rejects them.
 */
public final class ActionsLock {
    private static final Map<Path, ActionsLock> CACHE = new ConcurrentHashMap<>();
    private static volatile Map<String, String> bundled;

    /** {@code owner/repo@tag} (owner/repo lower-cased) to commit. */
    private final Map<String, String> entries;

    ActionsLock(Map<String, String> entries) { // package-private for the fuzz test
        this.entries = entries;
    }

    /** The lock for files of the project at {@code root} (null: the bundled lock only). */
    public static ActionsLock forProject(Path root) {
        Path key = root == null ? Path.of("") : root.toAbsolutePath().normalize();
        return CACHE.computeIfAbsent(
                key,
                k -> {
                    Map<String, String> m = new TreeMap<>(bundled());
                    if (root != null) {
                        if (m.isEmpty()) {
                            read(root.resolve("catalog/actions.lock"), m);
                        }
                        read(root.resolve(".github/pipewright.lock.yml"), m);
                    }
                    return new ActionsLock(m);
                });
    }

    private static Map<String, String> bundled() {
        if (bundled == null) {
            Map<String, String> m = new TreeMap<>();
            try (InputStream in =
                    ActionsLock.class
                            .getClassLoader()
                            .getResourceAsStream("pipewright/actions.lock")) {
                if (in != null) {
                    parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), m);
                }
            } catch (IOException e) {
                // An unreadable bundled lock means no known versions: the audits then stay silent.
            }
            bundled = m;
        }
        return bundled;
    }

    private static void read(Path file, Map<String, String> into) {
        if (Files.isRegularFile(file)) {
            try {
                parse(Files.readString(file, StandardCharsets.UTF_8), into);
            } catch (IOException e) {
                // Same as a missing file.
            }
        }
    }

    static void parse(String text, Map<String, String> into) {
        LockFile.readLenient(text).forEach(e -> into.put(e.key(), e.sha()));
    }

    /** A known tag and its commit. */
    public record Pin(String tag, String sha) {}

    public Optional<String> sha(String repository, String tag) {
        return Optional.ofNullable(entries.get(LockFile.key(repository, tag)));
    }

    /**
     * The pin for {@code ref}: the exact tag, or for a moving major or minor tag ({@code v4},
     * {@code v4.2}) the highest locked release it stands for.
     */
    public Optional<Pin> resolve(String repository, String ref) {
        Optional<String> exact = sha(repository, ref);
        if (exact.isPresent()) {
            return Optional.of(new Pin(ref, exact.get()));
        }
        if (!ref.matches("v?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        String prefix = LockFile.key(repository, ref) + ".";
        return entries.entrySet().stream()
                .filter(
                        e ->
                                e.getKey().startsWith(prefix)
                                        && e.getKey().substring(prefix.length()).matches("[\\d.]+"))
                .max(
                        Comparator.comparing(
                                e -> version(e.getKey().substring(e.getKey().indexOf('@') + 1)),
                                ActionsLock::compare))
                .map(e -> new Pin(e.getKey().substring(e.getKey().indexOf('@') + 1), e.getValue()));
    }

    /** Tags of {@code repository} locked to {@code sha}. */
    public List<String> tagsOf(String repository, String sha) {
        String prefix = LockFile.key(repository, "");
        return entries.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getValue().equals(sha))
                .map(e -> e.getKey().substring(prefix.length()))
                .toList();
    }

    private static int[] version(String tag) {
        return Arrays.stream(tag.replaceFirst("^v", "").split("\\."))
                .mapToInt(s -> s.matches("\\d+") ? Integer.parseInt(s) : 0)
                .toArray();
    }

    private static int compare(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }
}
