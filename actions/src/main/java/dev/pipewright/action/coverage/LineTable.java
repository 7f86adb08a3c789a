package dev.pipewright.action.coverage;

import java.util.Arrays;

/**
 * Execution counts per source line in a primitive array (8 bytes a line, no boxing), so memory
 * follows the size of the sources, not of the report; -1 marks a line that is not executable.
 */
final class LineTable {
    /**
     * The largest line number a report may give. The table is sized by it (40 MB at this bound), so
     * a corrupt {@code number="99999999999"} would otherwise run the JVM out of memory; no source
     * file has five million lines.
     */
    static final int MAX_LINE = 5_000_000;

    /**
     * The most branches one line may claim (JaCoCo {@code mb + cb}, Cobertura's {@code
     * (covered/total)}).
     */
    static final long MAX_BRANCHES = 100_000;

    /** Why {@code line} cannot be a line of a source file, or null when it can. */
    static String badLine(long line) {
        return line >= 1 && line <= MAX_LINE
                ? null
                : "line number "
                        + line
                        + " is outside 1.."
                        + MAX_LINE
                        + "; is the report corrupt? generate it again";
    }

    private long[] hits = new long[0];
    private int max;

    /**
     * Adds {@code count} executions of {@code line} (merging runs sums counts, as {@code lcov -a}
     * does).
     */
    void add(int line, long count) {
        ensure(line);
        long old = hits[line];
        hits[line] = old < 0 ? count : saturatingAdd(old, count);
        max = Math.max(max, line);
    }

    /** Keeps the larger count: for blocks that overlap a line, where summing would double count. */
    void max(int line, long count) {
        ensure(line);
        hits[line] = Math.max(hits[line], count);
        max = Math.max(max, line);
    }

    long get(int line) {
        return line > 0 && line < hits.length ? hits[line] : -1;
    }

    int maxLine() {
        return max;
    }

    Counter counter() {
        long total = 0;
        long covered = 0;
        for (int i = 1; i <= max; i++) {
            if (hits[i] >= 0) {
                total++;
                if (hits[i] > 0) {
                    covered++;
                }
            }
        }
        return new Counter(covered, total);
    }

    private void ensure(int line) {
        if (line <= 0 || line > MAX_LINE) {
            // parsers refuse such lines at their place in the report; reaching here is a bug of
            // ours
            throw new IllegalArgumentException(badLine(line));
        }
        if (line >= hits.length) {
            int old = hits.length;
            hits = Arrays.copyOf(hits, Math.max(line + 1, old * 2 + 16));
            Arrays.fill(hits, old, hits.length, -1L);
        }
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
