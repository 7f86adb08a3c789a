package dev.pipewright.model.dependabot;

import java.util.Locale;

/**
 * A semantic-versioning level. Groups write it bare ({@code major}); ignore rules write it as an
 * update type ({@code version-update:semver-major}).
 */
public enum SemverLevel {
    MAJOR,
    MINOR,
    PATCH;

    /** The value under {@code groups.<name>.update-types}. */
    public String groupValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value under {@code ignore[].update-types}. */
    public String updateType() {
        return "version-update:semver-" + groupValue();
    }
}
