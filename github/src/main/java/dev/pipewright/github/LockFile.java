package dev.pipewright.github;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The action lock's text ({@code catalog/actions.lock}, a project's {@code
 * .github/pipewright.lock.yml}): comment and blank lines, and one {@code owner/repo@tag: <40-hex
 * sha>} entry per line. One reader for the generator (strict: a hand edit cannot silently drop an
 * entry) and the linter (lenient: the generator already rejected bad lines).
 */
public final class LockFile {
    private static final Pattern ENTRY =
            Pattern.compile(
                    "([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)@([^\\s:#'\"]+)\\s*:\\s*['\"]?([0-9a-f]{40})['\"]?\\s*(#.*)?");

    /** One entry, with its 1-based line. */
    public record Entry(String repository, String tag, String sha, int line) {
        /** The lookup key, see {@link LockFile#key}. */
        public String key() {
            return LockFile.key(repository, tag);
        }
    }

    /** A project's own lock, relative to its root. */
    public static final String PROJECT_LOCK = ".github/pipewright.lock.yml";

    private static final Pattern KEY =
            Pattern.compile("([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)@([^\\s:#'\"]+)");

    private LockFile() {}

    /**
     * The key an entry is found by: GitHub resolves {@code owner/repo} case-insensitively, so it is
     * lower-cased; a tag is a git ref, and refs are case-sensitive, so it stays as written.
     */
    public static String key(String repository, String tag) {
        return repository.toLowerCase(Locale.ROOT) + "@" + tag;
    }

    /**
     * The entries of {@code text}; any other line that is not blank or a comment is an error naming
     * source:line.
     */
    public static List<Entry> read(String text, String source) {
        return read(text, source, true);
    }

    /** The entries of {@code text}, skipping lines that are not entries. */
    public static List<Entry> readLenient(String text) {
        return read(text, null, false);
    }

    private static List<Entry> read(String text, String source, boolean strict) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                entries.add(new Entry(m.group(1), m.group(2), m.group(3), i + 1));
            } else if (strict) {
                throw new IllegalArgumentException(
                        source
                                + ":"
                                + (i + 1)
                                + ": expected 'owner/repo@tag: <40-hex sha>', got '"
                                + line
                                + "'");
            }
        }
        return entries;
    }

    /**
     * The entries of {@code text} by {@link #key}, sorted; a bad line, or a key listed twice, is an
     * error naming source:line.
     */
    public static SortedMap<String, String> entries(String text, String source) {
        SortedMap<String, String> map = new TreeMap<>();
        for (Entry e : read(text, source)) {
            if (map.put(e.key(), e.sha()) != null) {
                throw new IllegalArgumentException(
                        source + ":" + e.line() + ": " + e.key() + " is listed twice");
            }
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /** The lock file text: a header comment, then the entries sorted by key. */
    public static String format(Map<String, String> entries) {
        StringBuilder sb =
                new StringBuilder()
                        .append(
                                "# Commit SHAs of action release tags, written by `pipewright pin`.\n")
                        .append(
                                "# Generated uses: lines read `owner/repo@<sha> # tag`; refresh with: ./pipewright pin\n");
        new TreeMap<>(entries).forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    /** Checks {@code owner/repo@tag} syntax; returns the repository and the tag. */
    public static String[] splitKey(String key) {
        Matcher m = KEY.matcher(Objects.requireNonNull(key, "key == null"));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + key + "' is not owner/repo@tag");
        }
        return new String[] {m.group(1), m.group(2)};
    }

    /** Checks an entry; returns its lookup key. */
    public static String checkEntry(String key, String sha) {
        String[] parts = splitKey(key);
        if (sha == null || !sha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException(key + ": '" + sha + "' is not a 40-hex commit SHA");
        }
        return key(parts[0], parts[1]);
    }
}
