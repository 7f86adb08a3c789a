package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.github.yaml.LineOffsets;
import dev.pipewright.github.yaml.TextEdit;
import dev.pipewright.lint.Fix;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
        Fix fix = readOnlyDefault(wf);
        for (Workflow.Job job : wf.jobs()) {
            if (job.body().get("permissions").isEmpty()) {
                report(job.id(), "job \"" + job.id().value() + "\" runs with the repository's default token permissions,"
                        + " which may be write-all; add \"permissions: {}\" (or \"contents: read\") at the top of the workflow"
                        + " and grant each job what it needs", fix);
            }
        }
    }

    /**
     * The fix, one for all the jobs: {@code permissions: {}} (or {@code contents: read} when a job checks out) above
     * {@code jobs:}, only when no job without permissions can write with the token: none calls a reusable workflow,
     * uses an action not known to be read-only, pushes with git or runs gh, and the file never names the token.
     */
    private Fix readOnlyDefault(Workflow wf) {
        String text = ctx().source();
        if (text.contains("GITHUB_TOKEN") || text.contains("github.token")) {
            return null;
        }
        YMap.Entry jobs = wf.root().entry("jobs").orElse(null);
        if (jobs == null || jobs.key().pos().col() != 1) {
            return null;
        }
        boolean checkout = false;
        boolean any = false;
        for (Workflow.Job job : wf.jobs()) {
            if (job.body().get("permissions").isPresent()) {
                continue;
            }
            any = true;
            if (job.isCall()) {
                return null;
            }
            for (Workflow.Step s : job.steps()) {
                Optional<Uses> u = s.uses().flatMap(x -> Uses.parse(x.value()));
                if (s.uses().isPresent() && (u.isEmpty() || !READ_ONLY_ACTIONS.contains(u.get().target()))) {
                    return null; // an action that may write with its default token input
                }
                if (s.run().map(r -> WRITES.matcher(r.value()).matches()).orElse(false)) {
                    return null;
                }
                checkout |= u.map(x -> x.is("actions/checkout")).orElse(false);
            }
        }
        if (!any) {
            return null;
        }
        LineOffsets src = ctx().offsets();
        String nl = src.newline();
        int at = src.offset(jobs.key().pos().line(), 1);
        String block = checkout ? "permissions:" + nl + "  contents: read" + nl : "permissions: {}" + nl;
        return Fix.of(TextEdit.insert(at, block), "added \"" + (checkout ? "permissions: contents: read" : "permissions: {}")
                + "\" at the top of the workflow");
    }

    /** A script that writes with the token: {@code git push} or the GitHub CLI. */
    private static final Pattern WRITES = Pattern.compile("(?s).*\\b(git\\s+push|gh\\s)\\b.*");

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
