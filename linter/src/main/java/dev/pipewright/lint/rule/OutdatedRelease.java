package dev.pipewright.lint.rule;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.audit.UsesRelease;
import dev.pipewright.lint.data.OutdatedActions;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.Optional;

/**
 * A remote {@code uses:} of a release whose runtime GitHub's runners no longer provide ({@link
 * OutdatedActions}, after actionlint's list): the ref as the table lists it ({@code @v2}, {@code
 * releases/v3}), else the major line of the release it runs ({@link UsesRelease}): {@code @v3.1.0},
 * and a commit the action lock or its {@code # v3.6.0} comment names, run a release of the {@code
 * v3} line.
 *
 * @param line the ref the table lists ({@code v3})
 * @param release the table's runtime and newest release
 * @param resolved how a SHA pin or an exact tag was placed on its line; empty for a listed ref
 */
record OutdatedRelease(
        String line, OutdatedActions.Release release, Optional<UsesRelease.Release> resolved) {
    /** How the finding's message starts, as actionlint's does. */
    private static final String PREFIX = "the runner of \"";

    static Optional<OutdatedRelease> of(LintContext ctx, YScalar uses, Uses u) {
        String target = u.target() + "@";
        OutdatedActions.Release listed = OutdatedActions.RELEASES.get(target + u.ref());
        if (listed != null) {
            return Optional.of(new OutdatedRelease(u.ref(), listed, Optional.empty()));
        }
        Optional<UsesRelease.Release> r = UsesRelease.of(ctx, uses, u);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        int major = r.get().version().major();
        // the spellings of a major line's moving tag the table uses
        for (String line : List.of("v" + major, String.valueOf(major), "v" + major + ".x")) {
            OutdatedActions.Release release = OutdatedActions.RELEASES.get(target + line);
            if (release != null) {
                return Optional.of(new OutdatedRelease(line, release, r));
            }
        }
        return Optional.empty();
    }

    /**
     * actionlint's message with what runs and the fix: {@code the runner of "actions/checkout@v2"
     * action is too old to run on GitHub Actions: its v2 releases run on node12, ...}.
     */
    String message(Uses u) {
        String name = u.repository() + u.path();
        String ref =
                u.pinned() && resolved.isPresent()
                        ? u.ref().substring(0, 12)
                                + "…\" (v"
                                + resolved.get().version()
                                + resolved.get().by()
                                + ")"
                        : u.ref() + "\"";
        String runs =
                release.runtime().equals("plugin")
                        ? "its "
                                + line
                                + " release names no runtime (it ran as a runner plugin,"
                                + " runs.plugin)"
                        : "its "
                                + line
                                + " releases run on "
                                + release.runtime()
                                + ", which GitHub's runners no longer provide (they run it on a"
                                + " newer Node.js, where it may break)";
        String fix =
                release.newest().isEmpty()
                        ? "no release of it runs on a current runtime: replace the action"
                        : "use " + name + "@" + release.newest();
        return PREFIX
                + name
                + "@"
                + ref
                + " action is too old to run on GitHub Actions: "
                + runs
                + "; "
                + fix;
    }
}
