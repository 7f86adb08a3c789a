package dev.pipewright.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The action lock's text ({@code catalog/actions.lock}, a project's {@code .github/pipewright.lock.yml}): comment and
 * blank lines, and one {@code owner/repo@tag: <40-hex sha>} entry per line. One reader for the generator (strict: a
 * hand edit cannot silently drop an entry) and the linter (lenient: the generator already rejected bad lines).
 */
public final class LockFile {
    private static final Pattern ENTRY = Pattern.compile(
            "([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)@([^\\s:#'\"]+)\\s*:\\s*['\"]?([0-9a-f]{40})['\"]?\\s*(#.*)?");

    /** One entry, with its 1-based line. */
    public record Entry(String repository, String tag, String sha, int line) {
        /** The lookup key, see {@link LockFile#key}. */
        public String key() {
            return LockFile.key(repository, tag);
        }
    }

    private LockFile() {}

    /**
     * The key an entry is found by: GitHub resolves {@code owner/repo} case-insensitively, so it is lower-cased; a tag
     * is a git ref, and refs are case-sensitive, so it stays as written.
     */
    public static String key(String repository, String tag) {
        return repository.toLowerCase(Locale.ROOT) + "@" + tag;
    }

    /** The entries of {@code text}; any other line that is not blank or a comment is an error naming source:line. */
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
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 'owner/repo@tag: <40-hex sha>', got '"
                        + line + "'");
            }
        }
        return entries;
    }
}
