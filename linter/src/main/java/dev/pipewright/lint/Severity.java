package dev.pipewright.lint;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is; errors break the workflow on GitHub, warnings are likely mistakes. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    /**
     * The lower-case name used in JSON and SARIF ({@code error}, {@code warning}, {@code note}).
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A fail level as users write it (CLI {@code --fail-level}, the lint action's {@code
     * fail-level}, the Maven plugin's {@code failOn}): the least severe finding that fails, or
     * empty for {@code none}.
     *
     * @throws IllegalArgumentException for anything but error, warning, note or none
     */
    public static Optional<Severity> failLevel(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return Optional.empty();
        }
        for (Severity s : values()) {
            if (s.label().equals(v)) {
                return Optional.of(s);
            }
        }
        throw new IllegalArgumentException(
                "expected error, warning, note or none, got '" + value + "'");
    }

    /**
     * True when a finding of this severity fails at {@code failLevel} (severities are ordered error
     * first).
     */
    public boolean failsAt(Optional<Severity> failLevel) {
        return failLevel.isPresent() && ordinal() <= failLevel.get().ordinal();
    }
}
