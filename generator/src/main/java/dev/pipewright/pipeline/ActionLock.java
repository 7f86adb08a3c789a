package dev.pipewright.pipeline;

import dev.pipewright.github.LockFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Commit SHAs of action release tags ({@code owner/repo@vX.Y.Z: <40 hex>}), read from the lock
 * bundled with Pipewright ({@code catalog/actions.lock}) and, per entry, overridden by a project's
 * {@code .github/pipewright.lock.yml}.
 *
 * <p>The format is the YAML subset {@link #format()} writes: comment lines, blank lines and one
 * {@code key: sha} mapping entry per line. Anything else is rejected with its line number, so a
 * hand edit cannot silently drop an entry.
 */
public final class ActionLock {
    /** The project's own lock, relative to the project root. */
    public static final String PROJECT_LOCK = LockFile.PROJECT_LOCK;

    /** The bundled lock on the class path. */
    public static final String RESOURCE = "pipewright/actions.lock";

    private final Map<String, String> entries;

    private ActionLock(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    public static ActionLock empty() {
        return new ActionLock(Map.of());
    }

    public static ActionLock of(Map<String, String> entries) {
        Map<String, String> m = new TreeMap<>();
        entries.forEach((k, v) -> m.put(check(k, v), v));
        return new ActionLock(m);
    }

    /** The lock bundled with Pipewright. */
    public static ActionLock bundled() {
        try (InputStream in = ActionLock.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing from the class path; rebuild Pipewright");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bundled lock with the entries of {@code root/.github/pipewright.lock.yml} (if present) on
     * top.
     */
    public static ActionLock forProject(Path root) {
        Path project = root.resolve(PROJECT_LOCK);
        return Files.isRegularFile(project) ? bundled().overriddenBy(read(project)) : bundled();
    }

    public static ActionLock read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses lock text; {@code source} names the file in error messages. Keys are kept as {@link
     * LockFile#key} makes them: owner/repo lower-cased, as GitHub matches them, the tag as written.
     */
    public static ActionLock parse(String text, String source) {
        return new ActionLock(LockFile.entries(text, source));
    }

    /** A lock with these entries, and those of {@code other} replacing any with the same key. */
    public ActionLock overriddenBy(ActionLock other) {
        Map<String, String> m = new TreeMap<>(entries);
        m.putAll(other.entries);
        return new ActionLock(m);
    }

    /** A copy with one entry added or replaced. */
    public ActionLock with(String key, String sha) {
        Map<String, String> m = new TreeMap<>(entries);
        m.put(check(key, sha), sha);
        return new ActionLock(m);
    }

    /**
     * The commit of {@code repository@tag}, where repository is {@code owner/repo} (no sub-path),
     * matched case-insensitively as GitHub does; the tag is case-sensitive.
     */
    public Optional<String> sha(String repository, String tag) {
        return Optional.ofNullable(entries.get(LockFile.key(repository, tag)));
    }

    /** Entries sorted by key. */
    public Map<String, String> entries() {
        return entries;
    }

    /** The lock file text: a header comment, then the entries sorted by key. */
    public String format() {
        return LockFile.format(entries);
    }

    /**
     * The {@code owner/repo} part of an action target such as {@code
     * github/codeql-action/upload-sarif}.
     */
    public static String repository(String target) {
        String[] parts = target.split("/", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("'" + target + "' is not owner/repo[/path]");
        }
        return parts[0] + "/" + parts[1];
    }

    /** Checks {@code owner/repo@tag} syntax; returns the matcher's repository and tag. */
    public static String[] splitKey(String key) {
        return LockFile.splitKey(key);
    }

    /** Checks an entry; returns its lookup key. */
    private static String check(String key, String sha) {
        return LockFile.checkEntry(key, sha);
    }
}
