package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.Pos;

/**
 * A workflow or job without {@code name:} shows in the Actions UI under its file name or id, which
 * says little about what runs. Pedantic, as zizmor rates it: no security impact, only legibility.
 */
@Rule(
        id = "anonymous-definition",
        summary = "workflows and jobs have a name (pedantic)",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.LOW, confidence = Audit.Confidence.HIGH)
public final class AnonymousDefinitionAudit extends AuditRule {
    @Override
    protected void workflow(Workflow wf) {
        if (policy().pedantic() && wf.root().get("name").isEmpty()) {
            report(
                    wf.root().entries().isEmpty()
                            ? Pos.START
                            : wf.root().entries().get(0).key().pos(),
                    "the workflow has no name, so the Actions UI shows its file name; add \"name: ...\"");
        }
    }

    @Override
    public void visitJob(Workflow.Job job) {
        if (policy().pedantic() && !job.isCall() && job.body().get("name").isEmpty()) {
            report(
                    job.id(),
                    "job \""
                            + job.id().value()
                            + "\" has no name, so the Actions UI shows its id; add \"name: ...\"");
        }
    }
}
