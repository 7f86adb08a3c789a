package dev.pipewright.action.release;

import java.util.Locale;

/** How far a release moves the version; ordered from no change to a major release. */
public enum Bump {
    NONE,
    PATCH,
    MINOR,
    MAJOR;

    /** The lower-case name used in outputs ({@code bump=minor}). */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Bump max(Bump other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
