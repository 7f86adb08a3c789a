package dev.pipewright.action.coverage;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Coverage merged from every report given, by source path (sorted, so output order is
 * deterministic).
 */
public final class CoverageData {
    private final Map<String, FileCoverage> files = new TreeMap<>();
    private final Set<CoverageFormat> formats = EnumSet.noneOf(CoverageFormat.class);
    private String goMode;
    private long records;

    void recorded() {
        records++;
    }

    /** Line, branch and block records parsed so far; a report that adds none is empty. */
    long records() {
        return records;
    }

    FileCoverage file(String path) {
        return files.computeIfAbsent(path, p -> new FileCoverage(p, this));
    }

    public Collection<FileCoverage> files() {
        return files.values();
    }

    public FileCoverage get(String path) {
        return files.get(path);
    }

    /** Notes the format of a report merged into this data. */
    void read(CoverageFormat format) {
        formats.add(format);
    }

    /**
     * One decimal, as {@code go tool cover} prints it, when every merged report is a Go
     * coverprofile (Go users gate on the figure their tools show); two decimals as soon as any
     * other format is involved.
     */
    public Percent.Precision precision() {
        return formats.equals(EnumSet.of(CoverageFormat.GO))
                ? Percent.Precision.GO
                : Percent.Precision.TWO_DECIMALS;
    }

    /** The Go cover mode seen so far; profiles with different modes cannot be merged. */
    String goMode() {
        return goMode;
    }

    void goMode(String mode) {
        this.goMode = mode;
    }

    public boolean hasBranches() {
        return files.values().stream().anyMatch(f -> !f.branches().isEmpty());
    }

    public Counter primary() {
        return files.values().stream()
                .map(FileCoverage::primary)
                .reduce(Counter.ZERO, Counter::plus);
    }

    public Counter lines() {
        return files.values().stream()
                .map(FileCoverage::lineCounter)
                .reduce(Counter.ZERO, Counter::plus);
    }

    public Counter branches() {
        return files.values().stream()
                .map(FileCoverage::branches)
                .reduce(Counter.ZERO, Counter::plus);
    }

    public Counter functions() {
        return files.values().stream()
                .map(FileCoverage::functions)
                .reduce(Counter.ZERO, Counter::plus);
    }

    /** The unit the primary metric counts, for messages. */
    public String unit() {
        if (files.values().stream().anyMatch(FileCoverage::isGo)) {
            return "statements";
        }
        if (!files.isEmpty() && files.values().stream().allMatch(FileCoverage::isCoveragePy)) {
            return hasBranches() ? "statements and branches" : "statements";
        }
        return "lines";
    }

    int size() {
        return files.size();
    }
}
