package dev.pipewright.action.release;

import dev.pipewright.action.InputException;
import java.util.List;
import java.util.Optional;

/**
 * The version a release gets under SemVer 2.0: a breaking change bumps major, a feature minor,
 * anything else patch; while the major version is 0 the two release-please options shift that down;
 * a {@code Release-As:} footer names the version outright.
 *
 * @param bumpMinorPreMajor below 1.0.0, a breaking change bumps minor instead of major
 * @param bumpPatchForMinorPreMajor below 1.0.0, a feature bumps patch instead of minor
 * @param initial the version of the first release, when there is no previous one
 */
public record NextVersion(
        boolean bumpMinorPreMajor, boolean bumpPatchForMinorPreMajor, SemVer initial) {
    /** Bump text when there was no previous release. */
    public static final String INITIAL = "initial";

    /**
     * The outcome.
     *
     * @param bump {@code major}, {@code minor}, {@code patch}, or {@link #INITIAL}
     * @param releaseAs the commit whose {@code Release-As:} footer set the version, or null
     */
    public record Decision(SemVer version, String bump, Bump implied, GitCommit releaseAs) {}

    /** What the changes call for, before any pre-1.0 adjustment. */
    public static Bump implied(List<Change> changes) {
        Bump b = changes.isEmpty() ? Bump.NONE : Bump.PATCH;
        for (Change c : changes) {
            if (c.breaking()) {
                return Bump.MAJOR;
            }
            if (c.isFeature()) {
                b = Bump.MINOR;
            }
        }
        return b;
    }

    public Decision decide(SemVer previous, List<Change> changes) {
        Bump implied = implied(changes);
        Optional<Change> releaseAs = releaseAs(changes);
        if (releaseAs.isPresent()) {
            GitCommit c = releaseAs.get().commit();
            String value =
                    releaseAs.get().parsed().footer("Release-As").orElseThrow().value().strip();
            SemVer v =
                    SemVer.tryParse(
                                    value.startsWith("v") || value.startsWith("V")
                                            ? value.substring(1)
                                            : value)
                            .orElseThrow(
                                    () ->
                                            new InputException(
                                                    "commit "
                                                            + c.shortId()
                                                            + ": 'Release-As: "
                                                            + value
                                                            + "' is not a semantic version (e.g. 'Release-As: 2.0.0')"));
            if (previous != null && SemVer.PRECEDENCE.compare(v, previous) <= 0) {
                throw new InputException(
                        "commit "
                                + c.shortId()
                                + ": 'Release-As: "
                                + value
                                + "' is not above the previous version "
                                + previous
                                + "; name a higher version");
            }
            return new Decision(
                    v, previous == null ? INITIAL : between(previous, v).text(), implied, c);
        }
        if (previous == null) {
            return new Decision(initial, INITIAL, implied, null);
        }
        Bump bump = implied;
        if (previous.major() == 0 && !previous.isPreRelease()) {
            if (bump == Bump.MAJOR && bumpMinorPreMajor) {
                bump = Bump.MINOR;
            } else if (bump == Bump.MINOR && bumpPatchForMinorPreMajor) {
                bump = Bump.PATCH;
            }
        }
        return new Decision(previous.increment(bump), bump.text(), implied, null);
    }

    /**
     * The newest commit with a {@code Release-As:} footer (token case-insensitive, as the spec
     * says).
     */
    private static Optional<Change> releaseAs(List<Change> changes) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            if (c.parsed() != null && c.parsed().footer("Release-As").isPresent()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The most significant component that differs between two versions ({@code patch} for
     * pre-release only).
     */
    public static Bump between(SemVer from, SemVer to) {
        if (from.major() != to.major()) {
            return Bump.MAJOR;
        }
        if (from.minor() != to.minor()) {
            return Bump.MINOR;
        }
        return from.equals(to) ? Bump.NONE : Bump.PATCH;
    }
}
