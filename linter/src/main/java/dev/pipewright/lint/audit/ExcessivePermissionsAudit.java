package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.Set;

/**
 * The GITHUB_TOKEN gets what a workflow declares, else the repository default, which is write-all on older and many
 * organisation repositories. Flags: no {@code permissions:} anywhere for a job, {@code write-all}, and write scopes in
 * a job whose steps are all actions known to need no write access.
 */
@Rule(id = "excessive-permissions", summary = "the GITHUB_TOKEN gets only the permissions the jobs need",
        severity = Severity.WARNING, category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.MEDIUM, fixable = true)
public final class ExcessivePermissionsAudit extends AuditRule {
    /** Actions that never use the token to write: setup, cache, artifacts, checkout. */
    private static final Set<String> READ_ONLY_ACTIONS = Set.of("actions/checkout", "actions/setup-java", "actions/setup-node",
            "actions/setup-python", "actions/setup-go", "actions/setup-dotnet", "actions/cache", "actions/cache/restore",
            "actions/cache/save", "actions/upload-artifact", "actions/download-artifact", "astral-sh/setup-uv");

    @Override
    protected void workflow(Workflow wf) {
        wf.root().get("permissions").ifPresent(this::writeAll);
        if (wf.root().get("permissions").isPresent() || Triggers.onlyCalled(wf)) {
            return;
        }
        for (Workflow.Job job : wf.jobs()) {
            if (job.body().get("permissions").isEmpty()) {
                report(job.id(), "job \"" + job.id().value() + "\" runs with the repository's default token permissions,"
                        + " which may be write-all; add \"permissions: {}\" (or \"contents: read\") at the top of the workflow"
                        + " and grant each job what it needs");
            }
        }
    }

    @Override
    public void visitJob(Workflow.Job job) {
        job.body().get("permissions").ifPresent(this::writeAll);
        job.body().map("permissions").ifPresent(p -> unused(job, p));
    }

    private void writeAll(YNode p) {
        if (p instanceof YScalar s && s.value().equals("write-all")) {
            report(s, "\"write-all\" gives the token every write scope; list the scopes the jobs need");
        }
    }

    private void unused(Workflow.Job job, YMap perms) {
        if (job.steps().isEmpty() || job.steps().stream().anyMatch(s -> s.uses().isEmpty())) {
            return;
        }
        for (Workflow.Step s : job.steps()) {
            boolean readOnly = s.uses().flatMap(u -> Uses.parse(u.value())).map(u -> READ_ONLY_ACTIONS.contains(u.target())).orElse(false);
            if (!readOnly || mentionsToken(s.body())) {
                return;
            }
        }
        for (YMap.Entry e : perms.entries()) {
            if (e.value() instanceof YScalar v && v.value().equals("write") && !e.key().value().equals("id-token")) {
                report(v, "job \"" + job.id().value() + "\" grants \"" + e.key().value() + ": write\" but its steps are"
                        + " actions that never write with the token; use \"read\" or drop the scope");
            }
        }
    }

    private static boolean mentionsToken(YMap step) {
        List<YScalar> all = new java.util.ArrayList<>();
        strings(step, all);
        return all.stream().anyMatch(s -> s.value().contains("github.token") || s.value().contains("GITHUB_TOKEN"));
    }
}
