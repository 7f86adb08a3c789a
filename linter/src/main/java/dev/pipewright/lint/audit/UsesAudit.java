package dev.pipewright.lint.audit;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;

/**
 * Base of the audits of {@code uses:}: reusable-workflow jobs, workflow steps and the steps of
 * composite actions.
 */
public abstract class UsesAudit extends AuditRule {
    @Override
    public void visitJob(Workflow.Job job) {
        job.body().scalar("uses").filter(YScalar::isString).ifPresent(u -> uses(job.body(), u));
    }

    @Override
    public void visitStep(Workflow.Step step) {
        step.uses().filter(YScalar::isString).ifPresent(u -> uses(step.body(), u));
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        compositeSteps(action)
                .forEach(
                        s -> s.scalar("uses").filter(YScalar::isString).ifPresent(u -> uses(s, u)));
    }

    /** One {@code uses:} and the job or step mapping that holds it. */
    protected abstract void uses(YMap owner, YScalar uses);
}
