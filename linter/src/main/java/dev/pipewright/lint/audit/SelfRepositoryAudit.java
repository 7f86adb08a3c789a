package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;

/**
 * {@code uses: ./path} loads whatever is at that path of the workspace when the step runs, which an
 * earlier step can have replaced (a checkout of another ref, a downloaded artifact), and GitHub's
 * "pinned actions only" policy cannot see it. {@code uses: $/path} names the same file in the
 * workflow's own commit. Reported only with {@code pedantic} (zizmor reports it to everyone): the
 * syntax is new, and tools many projects run beside this one (actionlint 1.7.7) reject {@code $/}
 * as an action without a ref, so the fix would break their CI.
 */
@Rule(
        id = "self-repository",
        summary =
                "actions and workflows of the same repository are named with $/, not ./ (pedantic)",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.LOW, confidence = Audit.Confidence.HIGH)
public final class SelfRepositoryAudit extends UsesAudit {
    @Override
    protected void uses(YMap owner, YScalar uses) {
        String u = uses.value().strip();
        if (u.startsWith("./") && policy().pedantic()) {
            report(
                    uses,
                    "\""
                            + u
                            + "\" loads what is in the workspace when the step runs, which earlier steps can change;"
                            + " write \"$"
                            + u.substring(1)
                            + "\" to load it from the workflow's own commit");
        }
    }
}
