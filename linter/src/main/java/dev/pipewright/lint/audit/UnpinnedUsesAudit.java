package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.github.yaml.LineOffsets;
import dev.pipewright.github.yaml.TextEdit;
import dev.pipewright.lint.Fix;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.Optional;
import java.util.Set;

/**
 * Tags and branches move: whoever controls the action's repository (or steals its credentials)
 * changes what {@code @v4} or {@code @main} runs. A commit SHA does not move. Owners listed under
 * {@code audits: unpinned-uses: allow-owners} in the lint configuration may be referenced by tag.
 */
@Rule(
        id = "unpinned-uses",
        summary = "actions and reusable workflows are pinned to a commit SHA",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.HIGH, fixable = true)
public final class UnpinnedUsesAudit extends UsesAudit {
    private static final Set<String> BRANCHES =
            Set.of("main", "master", "develop", "dev", "trunk", "latest", "HEAD", "stable");

    /** The pin the fix writes for an unpinned reference, when the lock knows one. */
    public static Optional<ActionsLock.Pin> fixFor(Uses u, ActionsLock lock) {
        return lock.resolve(u.repository(), u.ref());
    }

    @Override
    protected void uses(YMap owner, YScalar uses) {
        if (!uses.isString()) {
            return;
        }
        Uses.parse(uses.value())
                .filter(u -> !u.pinned() && !policy().allowsUnpinned(u.owner()))
                .ifPresent(
                        u -> {
                            String kind = BRANCHES.contains(u.ref()) ? "branch" : "tag or branch";
                            Optional<ActionsLock.Pin> pin = fixFor(u, lock());
                            String fix =
                                    pin.map(
                                                    p ->
                                                            "; pin it as "
                                                                    + u.repository()
                                                                    + u.path()
                                                                    + "@"
                                                                    + p.sha()
                                                                    + " # "
                                                                    + p.tag()
                                                                    + " (pipewright lint --fix)")
                                            .orElse(
                                                    kind.equals("branch")
                                                            ? "; pin it to the commit SHA of a release with a \"# vX.Y.Z\" comment (\"pipewright pin "
                                                                    + u.repository()
                                                                    + "@vX.Y.Z\" records one)"
                                                            // a tag the offline lock does not know:
                                                            // the one command that makes --fix work
                                                            // for it
                                                            : "; the action lock has no commit for it: run \"pipewright pin "
                                                                    + u.repository()
                                                                    + u.path()
                                                                    + "@"
                                                                    + u.ref()
                                                                    + "\" to record one, then \"pipewright lint --fix\" pins it");
                            report(
                                    uses,
                                    "\""
                                            + uses.value()
                                            + "\" uses the "
                                            + kind
                                            + " \""
                                            + u.ref()
                                            + "\", which can be moved to other code"
                                            + fix,
                                    pin.map(p -> pinning(uses, u, p)).orElse(null));
                        });
    }

    /**
     * The fix: {@code owner/repo@v4} becomes {@code owner/repo@<sha> # v4.2.2}, rewriting the rest
     * of the line; none for a reference over several lines, or one followed by a comment the
     * rewrite would lose.
     */
    private Fix pinning(YScalar uses, Uses u, ActionsLock.Pin pin) {
        if (uses.pos().line() != uses.end().line() || uses.isBlock()) {
            return null;
        }
        LineOffsets src = ctx().offsets();
        String line = src.line(uses.pos().line());
        int s = uses.pos().col() - 1;
        int e = Math.min(uses.end().col() - 1, line.length());
        String raw = line.substring(s, e);
        int at = raw.lastIndexOf("@" + u.ref());
        String rest = line.substring(e);
        if (at < 0 || !rest.isBlank() && !UsesRelease.onlyVersionComment(rest)) {
            return null;
        }
        int lineStart = src.offset(uses.pos().line(), 1);
        String replaced =
                raw.substring(0, at + 1) + pin.sha() + raw.substring(at + 1 + u.ref().length());
        return Fix.of(
                new TextEdit(
                        lineStart + s, lineStart + line.length(), replaced + " # " + pin.tag()),
                "pinned "
                        + u.repository()
                        + u.path()
                        + "@"
                        + u.ref()
                        + " to "
                        + pin.sha()
                        + " # "
                        + pin.tag());
    }

    /**
     * True when the fix applies: a string uses with a remote, unpinned, not allowed, lock-known
     * ref.
     */
    public static boolean fixable(YMap step, AuditPolicy policy) {
        return step.string("uses")
                .flatMap(Uses::parse)
                .filter(u -> !u.pinned() && !policy.allowsUnpinned(u.owner()))
                .isPresent();
    }
}
