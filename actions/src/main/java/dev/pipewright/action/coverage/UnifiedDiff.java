package dev.pipewright.action.coverage;

import dev.pipewright.action.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Added lines per file from a unified diff (any context size, {@code git diff -U0} included); hunk
 * line counts are honoured so content lines that look like headers are never mistaken for them.
 */
public final class UnifiedDiff {
    private static final Pattern HUNK =
            Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

    private UnifiedDiff() {}

    /**
     * Repository path → added (new-side) line numbers; deleted files and deletion-only hunks add
     * nothing.
     */
    public static Map<String, BitSet> addedLines(Path diff, String display) throws IOException {
        Map<String, BitSet> out = new TreeMap<>();
        try (LineReader r = new LineReader(diff, display)) {
            BitSet current = null;
            long oldLeft = 0;
            long newLeft = 0;
            int newLine = 0;
            boolean headers = false;
            boolean content = false;
            for (String line = r.next(); line != null; line = r.next()) {
                if (oldLeft > 0 || newLeft > 0) {
                    char c = line.isEmpty() ? ' ' : line.charAt(0);
                    switch (c) {
                        case '+' -> {
                            if (current != null) {
                                current.set(newLine);
                            }
                            newLine++;
                            newLeft--;
                        }
                        case '-' -> oldLeft--;
                        case ' ' -> {
                            newLine++;
                            newLeft--;
                            oldLeft--;
                        }
                        case '\\' -> {
                            // "\ No newline at end of file" belongs to the previous line.
                        }
                        default ->
                                throw r.error(
                                        "hunk ends early: expected "
                                                + oldLeft
                                                + " old and "
                                                + newLeft
                                                + " new lines; is the diff truncated?");
                    }
                    continue;
                }
                content |= !line.isBlank();
                if (line.startsWith("+++ ")
                        || line.startsWith("--- ")
                        || line.startsWith("diff ")) {
                    headers = true;
                }
                if (line.startsWith("+++ ")) {
                    String path = path(line.substring(4));
                    current = path == null ? null : out.computeIfAbsent(path, k -> new BitSet());
                } else if (line.startsWith("@@")) {
                    headers = true;
                    Matcher m = HUNK.matcher(line);
                    if (!m.matches()) {
                        throw r.error(
                                "malformed hunk header '" + GoProfileParser.abbreviate(line) + "'");
                    }
                    oldLeft = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
                    newLeft = m.group(4) == null ? 1 : Long.parseLong(m.group(4));
                    newLine = Integer.parseInt(m.group(3));
                } else if (line.startsWith("\\")) {
                    continue;
                }
            }
            if (content && !headers) {
                // Without this a wrong file (a log, a patch summary) would pass patch-min as 0 of 0
                // lines.
                throw new InputException(
                        display
                                + ": not a unified diff (no '--- ', '+++ ' or '@@'"
                                + " lines); give the output of git diff");
            }
            if (oldLeft > 0 || newLeft > 0) {
                throw r.error("diff ends inside a hunk; is it truncated?");
            }
        }
        out.values().removeIf(BitSet::isEmpty);
        return out;
    }

    /**
     * The new-side path without git's {@code b/} prefix; null for {@code /dev/null} (a deleted
     * file).
     */
    private static String path(String raw) {
        String p = raw;
        int tab = p.indexOf('\t');
        if (tab >= 0) {
            p = p.substring(0, tab);
        }
        p = p.trim();
        if (p.startsWith("\"") && p.endsWith("\"") && p.length() > 1) {
            p = p.substring(1, p.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (p.equals("/dev/null")) {
            return null;
        }
        return p.startsWith("b/") ? p.substring(2) : p;
    }
}
