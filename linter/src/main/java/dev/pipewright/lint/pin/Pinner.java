package dev.pipewright.lint.pin;

import dev.pipewright.github.LockFile;
import dev.pipewright.github.Uses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code pipewright pin}: resolves {@code owner/repo@tag} to the tag's commit and records it in an
 * action lock (the project's {@code .github/pipewright.lock.yml}, which the generator pins {@code
 * uses:} lines from and {@code lint --fix} reads). The CLI and the Maven plugin only parse options
 * and print.
 */
public final class Pinner {
    /** One resolved entry: its key, its commit, and the commit the lock had before (null: none). */
    public record Pinned(String key, String sha, String before) {
        /** {@code added}, {@code unchanged} or {@code was <sha>}. */
        public String status() {
            return before == null ? "added" : before.equals(sha) ? "unchanged" : "was " + before;
        }
    }

    private final TagResolver resolver;

    public Pinner(TagResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The entries of the lock at {@code file}, none when it does not exist; a bad line is an error
     * naming file:line.
     */
    public static SortedMap<String, String> read(Path file) throws IOException {
        return Files.isRegularFile(file)
                ? LockFile.entries(Files.readString(file, StandardCharsets.UTF_8), file.toString())
                : new TreeMap<>();
    }

    /**
     * The keys ({@code owner/repo@tag}) of {@code actions} ({@code owner/repo[/path]@tag}, a
     * sub-path dropped) or, with none, every entry of {@code lock} again; a malformed one is an
     * {@link IllegalArgumentException}.
     */
    public static List<String> keys(List<String> actions, Map<String, String> lock) {
        List<String> out = new ArrayList<>();
        if (actions.isEmpty()) {
            lock.keySet().forEach(k -> out.add(key(LockFile.splitKey(k))));
            return out;
        }
        for (String a : actions) {
            Uses uses =
                    Uses.parse(a)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "'" + a + "' is not owner/repo@tag"));
            out.add(key(LockFile.splitKey(uses.repository() + "@" + uses.ref())));
        }
        return out;
    }

    private static String key(String[] repositoryAndTag) {
        return repositoryAndTag[0] + "@" + repositoryAndTag[1];
    }

    /**
     * Resolves each key in order, telling {@code each} as it goes, and returns {@code lock} with
     * the results; the first failure stops it, so a caller writes all or nothing.
     */
    public SortedMap<String, String> resolve(
            List<String> keys, Map<String, String> lock, Consumer<Pinned> each)
            throws TagResolver.ResolveException {
        SortedMap<String, String> updated = new TreeMap<>(lock);
        for (String key : keys) {
            String[] w = LockFile.splitKey(key);
            String sha = resolver.resolve(w[0], w[1]);
            updated.put(LockFile.checkEntry(key, sha), sha);
            each.accept(new Pinned(key, sha, lock.get(key)));
        }
        return updated;
    }

    /**
     * Writes the lock: to a temporary file beside it, then a move, so a reader never sees half a
     * lock.
     */
    public static void write(Path file, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, LockFile.format(entries), StandardCharsets.UTF_8);
            try {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
