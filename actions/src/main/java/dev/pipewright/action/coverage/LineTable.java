package dev.pipewright.action.coverage;

import java.util.Arrays;

/**
 * Execution counts per source line in a primitive array (8 bytes a line, no boxing), so memory follows the size of
 * the sources, not of the report; -1 marks a line that is not executable.
 */
final class LineTable {
    private long[] hits = new long[0];
    private int max;

    /** Adds {@code count} executions of {@code line} (merging runs sums counts, as {@code lcov -a} does). */
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
        if (line <= 0) {
            throw new IllegalArgumentException("line " + line + " < 1");
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
