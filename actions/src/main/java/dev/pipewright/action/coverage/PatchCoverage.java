package dev.pipewright.action.coverage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Coverage of the added lines of a diff: covered = executed ∩ added, total = (executed ∪ missing) ∩
 * added, and codecov's hit/partial/miss split; 100 % when no coverable line changed.
 */
public record PatchCoverage(
        Counter lines, long hits, long partials, long misses, List<Range> uncovered) {
    /** Consecutive uncovered added lines of one file, for one annotation each. */
    public record Range(String file, int start, int end) {}

    public PatchCoverage {
        uncovered = List.copyOf(uncovered);
    }

    public static PatchCoverage compute(
            CoverageData data, PathMapper mapper, Map<String, BitSet> added) {
        long covered = 0;
        long total = 0;
        long hits = 0;
        long partials = 0;
        long misses = 0;
        List<Range> uncovered = new ArrayList<>();
        for (Map.Entry<String, BitSet> e : added.entrySet()) {
            Optional<FileCoverage> f = mapper.find(data, e.getKey());
            if (f.isEmpty()) {
                continue;
            }
            int runStart = -1;
            int runEnd = -1;
            BitSet lines = e.getValue();
            for (int line = lines.nextSetBit(1); line >= 0; line = lines.nextSetBit(line + 1)) {
                LineStatus s = f.get().status(line);
                if (!s.coverable()) {
                    continue;
                }
                total++;
                switch (s) {
                    case HIT -> hits++;
                    case PARTIAL -> partials++;
                    default -> misses++;
                }
                if (s.executed()) {
                    covered++;
                }
                // Codecov counts a line whose branches were never taken as missed, so annotate it
                // too.
                if (s == LineStatus.MISS) {
                    if (runStart > 0 && line == runEnd + 1) {
                        runEnd = line;
                    } else {
                        if (runStart > 0) {
                            uncovered.add(new Range(e.getKey(), runStart, runEnd));
                        }
                        runStart = line;
                        runEnd = line;
                    }
                }
            }
            if (runStart > 0) {
                uncovered.add(new Range(e.getKey(), runStart, runEnd));
            }
        }
        return new PatchCoverage(new Counter(covered, total), hits, partials, misses, uncovered);
    }

    /**
     * The patch percentage; 100 when nothing coverable changed, as diff-cover and py-cov-action
     * report it.
     */
    public BigDecimal percent() {
        return percent(Percent.Precision.TWO_DECIMALS);
    }

    /** The patch percentage at the given precision. */
    public BigDecimal percent(Percent.Precision precision) {
        return lines.isEmpty() ? precision.round(Percent.HUNDRED) : lines.percent(precision);
    }

    /**
     * Codecov's patch ratio hits / (hits + partials + misses); null when nothing coverable changed.
     */
    public BigDecimal codecovPercent() {
        return Percent.of(hits, hits + partials + misses);
    }
}
