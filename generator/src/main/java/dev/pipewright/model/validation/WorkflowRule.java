package dev.pipewright.model.validation;

import dev.pipewright.model.Workflow;

/** One family of checks run when a workflow is built. */
interface WorkflowRule {
    void check(Workflow workflow, Where where, Problems problems);
}
