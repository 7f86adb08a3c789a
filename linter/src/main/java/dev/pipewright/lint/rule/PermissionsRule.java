package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Workflow;

/**
 * GITHUB_TOKEN permission scopes and levels, checked against the current schema's table ({@code
 * PermissionScopes}: attestations, models, artifact-metadata... included).
 */
@Rule(
        id = "permissions",
        summary = "permission scopes and levels of the GITHUB_TOKEN are ones GitHub knows")
public final class PermissionsRule extends LintRule {
    @Override
    public void visitWorkflow(Workflow workflow) {
        reportSchemaProblems("permissions");
    }
}
