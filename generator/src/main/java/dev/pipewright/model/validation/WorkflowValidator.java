package dev.pipewright.model.validation;

import dev.pipewright.model.Workflow;
import java.util.List;

/**
 * Runs every rule on a workflow: at least what GitHub's parser rejects, plus mistakes it lets
 * through (constant conditions, {@code needs} references to unlisted jobs, out-of-range cron).
 */
public final class WorkflowValidator {
    private static final List<WorkflowRule> RULES =
            List.of(
                    new StructureRules(),
                    new JobIdRules(),
                    new JobGraphRules(),
                    new StepRules(),
                    new TriggerRules(),
                    new PermissionRules(),
                    new ConditionRules(),
                    new ContextRules(),
                    new CustomKeyRules());

    private WorkflowValidator() {}

    /** Every problem of the workflow, in rule order. */
    public static List<Problem> problems(Workflow workflow) {
        Problems problems = new Problems();
        Where where = Where.workflow(workflow.fileName());
        for (WorkflowRule rule : RULES) {
            rule.check(workflow, where, problems);
        }
        return problems.list();
    }

    /** Throws {@link WorkflowValidationException} when the workflow has any problem. */
    public static void check(Workflow workflow) {
        List<Problem> problems = problems(workflow);
        if (!problems.isEmpty()) {
            throw new WorkflowValidationException(problems);
        }
    }
}
