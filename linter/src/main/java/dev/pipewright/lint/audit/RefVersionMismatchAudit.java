package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;

/**
 * A pinned {@code uses: owner/repo@<sha> # v1.2.3} whose comment names a release the lock file maps
 * to another commit: the comment misleads reviewers and Dependabot about what runs.
 */
@Rule(
        id = "ref-version-mismatch",
        summary = "the version comment of a SHA-pinned uses matches the lock file",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.HIGH)
public final class RefVersionMismatchAudit extends UsesAudit {
    @Override
    protected void uses(YMap owner, YScalar uses) {
        if (!uses.isString()) {
            return;
        }
        Uses.parse(uses.value())
                .filter(Uses::pinned)
                .ifPresent(
                        u -> {
                            // the comment and the lock, each on its own: the finding is
                            // their disagreement
                            String tag = UsesRelease.comment(ctx(), uses).orElse(null);
                            if (tag == null) {
                                return;
                            }
                            lock().sha(u.repository(), tag)
                                    .filter(sha -> !sha.equals(u.ref()))
                                    .ifPresent(
                                            sha -> {
                                                List<String> actual =
                                                        lock().tagsOf(u.repository(), u.ref());
                                                report(
                                                        uses,
                                                        "the comment says "
                                                                + tag
                                                                + " but "
                                                                + u.ref().substring(0, 12)
                                                                + "… is "
                                                                + (actual.isEmpty()
                                                                        ? "not that release"
                                                                        : String.join(", ", actual))
                                                                + "; "
                                                                + u.repository()
                                                                + "@"
                                                                + tag
                                                                + " is "
                                                                + sha
                                                                + " in the lock file");
                                            });
                        });
    }
}
