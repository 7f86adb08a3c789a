package dev.pipewright.model.validation;

import dev.pipewright.model.Job;
import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Workflow;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each granted level must be one GitHub accepts for its scope ({@code id-token}: write or none, …).
 */
final class PermissionRules implements WorkflowRule {
    @Override
    public void check(Workflow w, Where where, Problems problems) {
        checkGrants(w.permissions(), where.key("permissions"), problems);
        for (Job job : w.jobs()) {
            checkGrants(job.permissions(), where.job(job.id()).key("permissions"), problems);
        }
    }

    private static void checkGrants(Permissions permissions, Where at, Problems problems) {
        if (permissions == null) {
            return;
        }
        permissions.accept(
                new Permissions.Visitor<Void>() {
                    // the shorthands name no scope, so no level can be wrong for one
                    @Override
                    public Void visit(Permissions.ReadAll readAll) {
                        return null;
                    }

                    @Override
                    public Void visit(Permissions.WriteAll writeAll) {
                        return null;
                    }

                    @Override
                    public Void visit(Permissions.Scoped scoped) {
                        checkScoped(scoped, at, problems);
                        return null;
                    }
                });
    }

    private static void checkScoped(Permissions.Scoped scoped, Where at, Problems problems) {
        for (Map.Entry<PermissionScope, PermissionLevel> grant : scoped.grants().entrySet()) {
            PermissionScope scope = grant.getKey();
            if (!scope.allows(grant.getValue())) {
                String allowed =
                        scope.levels().stream()
                                .sorted()
                                .map(PermissionLevel::yaml)
                                .collect(Collectors.joining(" or "));
                problems.add(
                        at,
                        scope.key()
                                + ": "
                                + grant.getValue().yaml()
                                + " is not a level GitHub accepts for "
                                + scope.key()
                                + "; use "
                                + allowed);
            }
        }
    }
}
