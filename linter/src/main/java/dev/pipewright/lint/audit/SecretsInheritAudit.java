package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;

/**
 * {@code secrets: inherit} hands every secret of the caller to the reusable workflow, needed or
 * not.
 */
@Rule(
        id = "secrets-inherit",
        summary = "reusable workflows get the secrets they need, not secrets: inherit",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.HIGH)
public final class SecretsInheritAudit extends AuditRule {
    @Override
    public void visitJob(Workflow.Job job) {
        job.body()
                .scalar("secrets")
                .filter(s -> s.value().equals("inherit"))
                .ifPresent(
                        s ->
                                report(
                                        s,
                                        "\"secrets: inherit\" passes every secret of this repository to "
                                                + job.body()
                                                        .string("uses")
                                                        .orElse("the called workflow")
                                                + "; pass the ones it uses by name"));
    }
}
