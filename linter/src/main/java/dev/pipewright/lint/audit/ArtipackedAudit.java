package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code actions/checkout} writes the token into {@code .git/config} unless {@code persist-credentials: false}; a job
 * that then uploads the workspace as an artifact publishes it, and untrusted code in the job can read it.
 */
@Rule(id = "artipacked", summary = "checkout does not persist the token in jobs that upload artifacts or run untrusted code",
        severity = Severity.WARNING, category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.MEDIUM, fixable = true)
public final class ArtipackedAudit extends AuditRule {
    @Override
    public void visitJob(Workflow.Job job) {
        String reason = reason(job.steps(), privileged());
        if (reason == null) {
            return;
        }
        for (Workflow.Step s : persisting(job.steps())) {
            report(s.uses().orElseThrow(), "checkout keeps the token in .git/config in a job that " + reason
                    + "; add \"persist-credentials: false\" under with:");
        }
    }

    /** Why persisted credentials matter in these steps, or null when they do not. */
    public static String reason(List<Workflow.Step> steps, boolean privileged) {
        if (privileged) {
            return "runs on a privileged trigger";
        }
        boolean upload = steps.stream().anyMatch(s -> s.uses().flatMap(u -> Uses.parse(u.value()))
                .map(u -> u.is("actions/upload-artifact") || u.is("actions/upload-pages-artifact")).orElse(false));
        return upload ? "uploads artifacts" : null;
    }

    /** Checkout steps without {@code persist-credentials: false}. */
    public static List<Workflow.Step> persisting(List<Workflow.Step> steps) {
        List<Workflow.Step> out = new ArrayList<>();
        for (Workflow.Step s : steps) {
            boolean checkout = s.uses().flatMap(u -> Uses.parse(u.value())).map(u -> u.is("actions/checkout")).orElse(false);
            boolean off = s.body().map("with").flatMap(w -> w.scalar("persist-credentials"))
                    .map(p -> p.value().equalsIgnoreCase("false")).orElse(false);
            if (checkout && !off) {
                out.add(s);
            }
        }
        return out;
    }

    static boolean hasWith(YMap step) {
        return step.get("with").filter(YScalar.class::isInstance).isEmpty();
    }
}
