package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.github.yaml.LineOffsets;
import dev.pipewright.github.yaml.TextEdit;
import dev.pipewright.lint.Fix;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code uses:} of an action at a version a GitHub security advisory covers, after zizmor's audit
 * of that name. zizmor asks GitHub's API which tag a ref or SHA is and which advisories cover it;
 * this audit runs offline, on a committed snapshot of the advisory database ({@link
 * ActionAdvisories}), and reads the version from the ref itself: an exact tag ({@code @v4.1.2}) is
 * that release, a moving tag ({@code @v4}, {@code @v4.1}) is the newest release of its line (as
 * zizmor's "longest tag of the same commit"), so it is reported only when the range reaches past
 * the line's end; a SHA pin is the release the action lock maps to it (zizmor asks the API for the
 * commit's tags), else the release its {@code # v4.1.2} comment names (the convention of pinned
 * workflows; a comment is a claim, not a resolution), every release of the line for {@code # v4}.
 * Branches and SHAs neither names name no version: no finding.
 */
@Rule(
        id = "known-vulnerable-actions",
        summary = "actions are not used at a version with a known security advisory",
        severity = Severity.ERROR,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH, fixable = true)
public final class KnownVulnerableActionsAudit extends UsesAudit {
    @Override
    protected void uses(YMap owner, YScalar uses) {
        if (!uses.isString()) {
            return;
        }
        Uses.parse(uses.value())
                .ifPresent(
                        u -> {
                            List<ActionAdvisories.Advisory> advisories =
                                    ActionAdvisories.snapshot().of(u);
                            if (advisories.isEmpty()) {
                                return;
                            }
                            UsesRelease.of(ctx(), uses, u)
                                    .ifPresent(r -> report(uses, u, r, advisories));
                        });
    }

    /**
     * An exact release (a tag, or a SHA the lock or comment names exactly) is that release; a
     * moving tag runs its line's newest release; a SHA known only by its line is some release of
     * it, so every one must be vulnerable.
     */
    private static boolean covers(ActionVersion.Range range, UsesRelease.Release r) {
        if (!r.line()) {
            return range.contains(r.version());
        }
        return r.source() == UsesRelease.Source.TAG
                ? range.containsNewestOf(r.version())
                : range.containsAllOf(r.version());
    }

    private void report(
            YScalar uses,
            Uses u,
            UsesRelease.Release r,
            List<ActionAdvisories.Advisory> advisories) {
        List<ActionAdvisories.Advisory> hits = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ActionAdvisories.Advisory a : advisories) {
            // an advisory with several ranges (one per release line) is one finding
            if (covers(a.range(), r) && ids.add(a.id())) {
                hits.add(a);
            }
        }
        // one fix for the reference, on its first finding: the release that leaves every advisory
        // behind
        String tag = hits.isEmpty() ? null : upgradeTag(uses, u, r, hits, advisories);
        Fix fix = tag == null ? null : upgrade(uses, u, tag);
        for (ActionAdvisories.Advisory a : hits) {
            report(
                    Persona.REGULAR,
                    uses.pos(),
                    severity(a.severity()),
                    message(u, r, a)
                            + (fix == null ? "" : " (pipewright lint --fix writes @" + tag + ")"),
                    fix);
            fix = null;
        }
    }

    private static String message(Uses u, UsesRelease.Release r, ActionAdvisories.Advisory a) {
        String name = u.repository() + u.path() + "@";
        String what;
        if (r.source() == UsesRelease.Source.TAG) {
            what =
                    "\""
                            + name
                            + u.ref()
                            + "\""
                            + (r.line() ? " (the newest " + r.version() + ".x release)" : "");
        } else {
            what =
                    "\""
                            + name
                            + u.ref().substring(0, 12)
                            + "…\" ("
                            + (r.line() ? "a " + r.version() + ".x release" : r.version())
                            + r.by()
                            + ")";
        }
        ActionVersion fixed = a.fixedVersion();
        return what
                + " is in the vulnerable range "
                + a.range().text()
                + " of "
                + a.id()
                + " ("
                + a.severity()
                + ": "
                + a.summary()
                + ", https://github.com/advisories/"
                + a.id()
                + "); "
                + (fixed == null
                        ? "no release fixes it: remove the action or replace it"
                        : "upgrade to " + a.fixed() + " or later");
    }

    /**
     * zizmor's mapping of the advisory's severity: critical and high are high (an error here),
     * moderate medium.
     */
    static Severity severity(String advisory) {
        return switch (advisory) {
            case "low" -> Severity.NOTE;
            case "moderate", "medium" -> Severity.WARNING;
            default -> Severity.ERROR;
        };
    }

    /**
     * The tag the fix writes, for an exact tag only ({@code @v4.1.2} to {@code @v4.1.7}): the
     * newest first fixed version of the advisories found, when each has one, it is a release of the
     * same major version (a major upgrade may change the action's inputs, so it is the author's
     * call) and no advisory of the snapshot covers it; it keeps the {@code v} of the tag, or its
     * lack. None for a SHA: the fix would need the fixed release's commit, which only the network
     * knows.
     */
    private static String upgradeTag(
            YScalar uses,
            Uses u,
            UsesRelease.Release r,
            List<ActionAdvisories.Advisory> hits,
            List<ActionAdvisories.Advisory> all) {
        if (r.source() != UsesRelease.Source.TAG
                || r.line()
                || uses.pos().line() != uses.end().line()
                || uses.isBlock()) {
            return null;
        }
        ActionVersion target = null;
        for (ActionAdvisories.Advisory a : hits) {
            ActionVersion f = a.fixedVersion();
            if (f == null) {
                return null;
            }
            target = target == null || f.compareTo(target) > 0 ? f : target;
        }
        ActionVersion to = target;
        if (!to.exact()
                || to.major() != r.version().major()
                || all.stream().anyMatch(a -> a.range().contains(to))) {
            return null;
        }
        return (u.ref().startsWith("v") ? "v" : "") + to;
    }

    /**
     * The edit of the ref in place; none when the reference is not written as it parses (quoted
     * with escapes).
     */
    private Fix upgrade(YScalar uses, Uses u, String tag) {
        LineOffsets src = ctx().offsets();
        String line = src.line(uses.pos().line());
        int s = uses.pos().col() - 1;
        int e = Math.min(uses.end().col() - 1, line.length());
        int at = line.substring(s, e).lastIndexOf("@" + u.ref());
        if (at < 0) {
            return null;
        }
        int start = src.offset(uses.pos().line(), 1) + s + at + 1;
        return Fix.of(
                new TextEdit(start, start + u.ref().length(), tag),
                "upgraded " + u.repository() + u.path() + "@" + u.ref() + " to " + tag);
    }
}
