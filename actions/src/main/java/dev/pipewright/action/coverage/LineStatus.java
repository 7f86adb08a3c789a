package dev.pipewright.action.coverage;

/**
 * Codecov's classification of a source line: not executable, hit, partial (some branches missed) or
 * missed.
 */
public enum LineStatus {
    NONE,
    HIT,
    PARTIAL,
    MISS;

    public boolean coverable() {
        return this != NONE;
    }

    /** Executed at all: what line coverage and diff-cover count as covered. */
    public boolean executed() {
        return this == HIT || this == PARTIAL;
    }
}
