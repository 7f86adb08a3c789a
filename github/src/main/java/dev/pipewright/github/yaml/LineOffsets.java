package dev.pipewright.github.yaml;

/**
 * Converts the 1-based line and column a YAML parser reports to the {@code char} offsets {@link
 * TextEdits} takes. Lines end at {@code \n}; a {@code \r} before it is not part of the line's text.
 */
public final class LineOffsets {
    private final String text;
    private final int[] starts;

    public LineOffsets(String text) {
        this.text = text;
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        starts = new int[n];
        int k = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts[k++] = i + 1;
        }
    }

    public String text() {
        return text;
    }

    /** How many lines the text has (a final newline starts an empty last line). */
    public int lines() {
        return starts.length;
    }

    /** The text of 1-based line {@code n} without its line break, or "" outside the text. */
    public String line(int n) {
        if (n < 1 || n > starts.length) {
            return "";
        }
        int end = n < starts.length ? starts[n] - 1 : text.length();
        if (end > starts[n - 1] && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(starts[n - 1], end);
    }

    /**
     * The offset of 1-based {@code line} and {@code col}; a line past the end is the end of the
     * text.
     */
    public int offset(int line, int col) {
        if (line > starts.length) {
            return text.length();
        }
        return Math.min(starts[line - 1] + col - 1, text.length());
    }

    /** The 1-based line holding {@code offset}. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /**
     * The text's line break, to write new lines the way the author's end: CRLF when any line does,
     * else LF.
     */
    public String newline() {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }
}
