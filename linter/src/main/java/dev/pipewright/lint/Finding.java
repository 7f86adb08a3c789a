package dev.pipewright.lint;

import java.util.Comparator;

/**
 * One problem at a position of a file, reported by one rule; {@code fix} is the change the rule
 * proposes for it, or null when it has none to offer.
 */
public record Finding(
        String file, int line, int column, String rule, Severity severity, String message, Fix fix)
        implements Comparable<Finding> {
    private static final Comparator<Finding> ORDER =
            Comparator.comparing(Finding::file)
                    .thenComparingInt(Finding::line)
                    .thenComparingInt(Finding::column)
                    .thenComparing(Finding::rule)
                    .thenComparing(Finding::message)
                    .thenComparing(Finding::severity);

    /** A finding without a fix. */
    public Finding(
            String file, int line, int column, String rule, Severity severity, String message) {
        this(file, line, column, rule, severity, message, null);
    }

    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }

    /** The actionlint-style line {@code file:line:col: message [rule]}. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + message + " [" + rule + "]";
    }
}
