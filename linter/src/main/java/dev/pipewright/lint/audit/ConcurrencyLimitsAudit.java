package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Without {@code concurrency} and {@code cancel-in-progress}, every push starts another run beside
 * the ones it makes obsolete: billed minutes an outsider can multiply, and races between runs that
 * find artifacts by workflow and job. Pedantic, as zizmor rates it. {@code cancel-in-progress:
 * false} is a choice and is not reported; nor are workflows only called by others, whose callers
 * own concurrency (a group in both deadlocks).
 */
@Rule(
        id = "concurrency-limits",
        summary = "workflows cancel superseded runs with concurrency (pedantic)",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.LOW, confidence = Audit.Confidence.HIGH)
public final class ConcurrencyLimitsAudit extends AuditRule {
    @Override
    protected void workflow(Workflow wf) {
        if (!policy().pedantic() || Triggers.onlyCalled(wf)) {
            return;
        }
        YNode concurrency = wf.root().get("concurrency").orElse(null);
        if (concurrency instanceof YScalar s) {
            report(
                    s,
                    "the workflow's concurrency group has no cancel-in-progress, so superseded runs queue instead of"
                            + " stopping; write \"concurrency: {group: ..., cancel-in-progress: true}\"");
            return;
        }
        if (concurrency != null) {
            return;
        }
        List<String> bare = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Workflow.Job job : wf.jobs()) {
            if (job.isCall()) {
                continue;
            }
            YNode c = job.body().get("concurrency").orElse(null);
            if (c instanceof YScalar) {
                bare.add(job.id().value());
            } else if (c == null) {
                missing.add(job.id().value());
            }
        }
        Pos on = wf.root().entry("on").map(e -> e.key().pos()).orElse(Pos.START);
        if (!bare.isEmpty()) {
            report(
                    on,
                    "the workflow has no concurrency and the concurrency of job(s) "
                            + String.join(", ", bare)
                            + " has no cancel-in-progress, so superseded runs keep going; add cancel-in-progress: true");
        }
        if (!missing.isEmpty()) {
            report(
                    on,
                    "neither the workflow nor job(s) "
                            + String.join(", ", missing)
                            + " set concurrency, so superseded"
                            + " runs keep going; add \"concurrency: {group: ${{ github.workflow }}-${{ github.ref }},"
                            + " cancel-in-progress: true}\"");
        }
    }
}
