package dev.pipewright.action.coverage;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Coverage of one source file merged from any number of reports: line counts, branches keyed by
 * identity (so two runs that take different branches merge to both), Go statement blocks and LCOV
 * functions.
 */
public final class FileCoverage {
    private final String path;
    private final LineTable lines = new LineTable();
    private final Map<BranchKey, Long> branches = new HashMap<>();
    private final Map<GoBlock, long[]> blocks = new LinkedHashMap<>();
    private final Map<String, Long> functions = new HashMap<>();
    private LineTable goLines;
    private boolean coveragePy;
    private Counter overstatedLines = Counter.ZERO;
    private Counter overstatedBranches = Counter.ZERO;
    private Map<Integer, int[]> branchesByLine;

    /**
     * A branch: its line and an id unique on that line (LCOV block/branch, coverage.py destination,
     * or index).
     */
    record BranchKey(int line, long id) {}

    /** A Go block range; the statement count is the value. */
    record GoBlock(int startLine, int startCol, int endLine, int endCol) {}

    private final CoverageData owner;

    FileCoverage(String path, CoverageData owner) {
        this.path = path;
        this.owner = owner;
    }

    public String path() {
        return path;
    }

    void line(int line, long hits) {
        lines.add(line, hits);
        owner.recorded();
    }

    void branch(int line, long id, long taken) {
        branches.merge(new BranchKey(line, id), taken, Long::sum);
        branchesByLine = null;
        owner.recorded();
    }

    void function(String name, long count) {
        functions.merge(name, count, Long::sum);
    }

    /**
     * Merges a Go block: {@code set} ORs, {@code count}/{@code atomic} sum; a different statement
     * count for the same range means the profiles come from different sources, which is an error.
     */
    boolean goBlock(GoBlock b, long statements, long count, boolean setMode) {
        long[] old = blocks.get(b);
        goLines = null;
        owner.recorded();
        if (old == null) {
            blocks.put(b, new long[] {statements, count});
            return true;
        }
        if (old[0] != statements) {
            return false;
        }
        old[1] = setMode ? ((old[1] > 0 || count > 0) ? 1 : 0) : old[1] + count;
        return true;
    }

    /**
     * Marks data from coverage.py's JSON report, whose gate figure is coverage.py's own (see {@link
     * #primary}).
     */
    void coveragePy() {
        coveragePy = true;
    }

    /**
     * Units a coverage.py report lists as run that its summary does not count (docstrings, arcs it
     * did not predict). Which lines they are is not in the report, so they keep their line status
     * and are only taken off the counts; for the same file in several reports the largest excess is
     * taken off, exact when each run saw the same docstrings.
     */
    void overstated(Counter lines, Counter branches) {
        overstatedLines = max(overstatedLines, lines);
        overstatedBranches = max(overstatedBranches, branches);
    }

    private static Counter max(Counter a, Counter b) {
        return new Counter(Math.max(a.covered(), b.covered()), Math.max(a.total(), b.total()));
    }

    private static Counter minus(Counter c, Counter excess) {
        if (excess.isEmpty()) {
            return c;
        }
        long covered = Math.max(0, c.covered() - excess.covered());
        return new Counter(covered, Math.max(covered, c.total() - excess.total()));
    }

    boolean isCoveragePy() {
        return coveragePy;
    }

    public boolean isGo() {
        return !blocks.isEmpty();
    }

    /**
     * Units the gate measures: statements for Go; for coverage.py's JSON its own "Cover"
     * (statements plus branches, so the gate shows what {@code coverage report} prints); lines
     * otherwise.
     */
    public Counter primary() {
        if (isGo()) {
            return statements();
        }
        return coveragePy ? lineCounter().plus(branches()) : lineCounter();
    }

    public Counter statements() {
        long total = 0;
        long covered = 0;
        for (long[] v : blocks.values()) {
            total += v[0];
            if (v[1] > 0) {
                covered += v[0];
            }
        }
        return new Counter(covered, total);
    }

    public Counter branches() {
        long covered = branches.values().stream().filter(t -> t > 0).count();
        return minus(new Counter(covered, branches.size()), overstatedBranches);
    }

    public Counter functions() {
        long covered = functions.values().stream().filter(t -> t > 0).count();
        return new Counter(covered, functions.size());
    }

    /**
     * Line execution counts; for Go derived from the merged blocks (a line is hit if any block on
     * it ran).
     */
    LineTable lines() {
        if (!isGo()) {
            return lines;
        }
        if (goLines == null) {
            goLines = new LineTable();
            for (Map.Entry<GoBlock, long[]> e : blocks.entrySet()) {
                for (int l = e.getKey().startLine(); l <= e.getKey().endLine(); l++) {
                    goLines.max(l, e.getValue()[1]);
                }
            }
        }
        return goLines;
    }

    public Counter lineCounter() {
        return minus(lines().counter(), overstatedLines);
    }

    public int maxLine() {
        return lines().maxLine();
    }

    /**
     * Codecov's rule: missed if not run or no branch taken; partial if some branches missed; else
     * hit.
     */
    public LineStatus status(int line) {
        long hits = lines().get(line);
        if (hits < 0) {
            return LineStatus.NONE;
        }
        if (hits == 0) {
            return LineStatus.MISS;
        }
        int[] br = branchesOnLine().get(line);
        if (br == null || br[1] == 0) {
            return LineStatus.HIT;
        }
        if (br[0] == 0) {
            return LineStatus.MISS;
        }
        return br[0] < br[1] ? LineStatus.PARTIAL : LineStatus.HIT;
    }

    private Map<Integer, int[]> branchesOnLine() {
        if (branchesByLine == null) {
            branchesByLine = new HashMap<>();
            for (Map.Entry<BranchKey, Long> e : branches.entrySet()) {
                int[] c = branchesByLine.computeIfAbsent(e.getKey().line(), k -> new int[2]);
                c[1]++;
                if (e.getValue() > 0) {
                    c[0]++;
                }
            }
        }
        return branchesByLine;
    }

    boolean isEmpty() {
        return isGo() ? blocks.isEmpty() : lines.maxLine() == 0 && branches.isEmpty();
    }
}
