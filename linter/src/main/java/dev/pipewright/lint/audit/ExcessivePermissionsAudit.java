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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The GITHUB_TOKEN gets what a workflow declares, else the repository default, which is write-all
 * on older and many organisation repositories. As zizmor: no {@code permissions:} anywhere for a
 * job, {@code write-all} (high), {@code read-all} (medium) and write scopes at the workflow level
 * (rated by scope), which a workflow's jobs inherit; workflow-level findings are pedantic when no
 * job can inherit them unasked. Pedantic readers also see write scopes in a job whose steps are all
 * actions known to need no write access.
 */
@Rule(
        id = "excessive-permissions",
        summary = "the GITHUB_TOKEN gets only the permissions the jobs need",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.MEDIUM, fixable = true)
public final class ExcessivePermissionsAudit extends AuditRule {
    /** Actions that never use the token to write: setup, cache, artifacts, checkout. */
    private static final Set<String> READ_ONLY_ACTIONS =
            Set.of(
                    "actions/checkout",
                    "actions/setup-java",
                    "actions/setup-node",
                    "actions/setup-python",
                    "actions/setup-go",
                    "actions/setup-dotnet",
                    "actions/cache",
                    "actions/cache/restore",
                    "actions/cache/save",
                    "actions/upload-artifact",
                    "actions/download-artifact",
                    "astral-sh/setup-uv");

    /**
     * zizmor's rating of a write scope: what an attacker holding it can do. Unlisted scopes are
     * medium.
     */
    private static final Map<String, Audit.Level> WRITE_SCOPES =
            Map.ofEntries(
                    Map.entry("actions", Audit.Level.HIGH),
                    Map.entry("artifact-metadata", Audit.Level.MEDIUM),
                    Map.entry("attestations", Audit.Level.HIGH),
                    Map.entry("checks", Audit.Level.MEDIUM),
                    Map.entry("code-quality", Audit.Level.MEDIUM),
                    Map.entry("contents", Audit.Level.HIGH),
                    Map.entry("deployments", Audit.Level.HIGH),
                    Map.entry("discussions", Audit.Level.MEDIUM),
                    Map.entry("id-token", Audit.Level.HIGH),
                    Map.entry("issues", Audit.Level.HIGH),
                    Map.entry("models", Audit.Level.LOW),
                    Map.entry("packages", Audit.Level.HIGH),
                    Map.entry("pages", Audit.Level.HIGH),
                    Map.entry("pull-requests", Audit.Level.HIGH),
                    Map.entry("repository-projects", Audit.Level.MEDIUM),
                    Map.entry("security-events", Audit.Level.MEDIUM),
                    Map.entry("statuses", Audit.Level.LOW));

    @Override
    protected void workflow(Workflow wf) {
        boolean reusableOnly = Triggers.onlyCalled(wf);
        // As zizmor: the workflow's permissions are a code smell, not a finding, when they cannot
        // reach a job that
        // did not ask for them: one job only, every job with its own permissions, or callers decide
        // (workflow_call).
        Persona top =
                wf.jobs().size() == 1
                                || reusableOnly
                                || wf.jobs().stream()
                                        .allMatch(j -> j.body().get("permissions").isPresent())
                        ? Persona.PEDANTIC
                        : Persona.REGULAR;
        wf.root()
                .get("permissions")
                .ifPresent(
                        p -> {
                            base(p, top);
                            if (p instanceof YMap m) {
                                workflowWrites(m, top);
                            }
                        });
        if (wf.root().get("permissions").isPresent()) {
            return;
        }
        Fix fix = readOnlyDefault(wf);
        for (Workflow.Job job : wf.jobs()) {
            if (job.body().get("permissions").isEmpty()) {
                // A reusable workflow's normal jobs get what the caller grants: the caller's
                // finding, a smell here.
                Persona who =
                        reusableOnly && job.body().get("uses").isEmpty()
                                ? Persona.PEDANTIC
                                : Persona.REGULAR;
                report(
                        who,
                        job.id(),
                        "job \""
                                + job.id().value()
                                + "\" runs with the repository's default token permissions,"
                                + " which may be write-all; add \"permissions: {}\" (or \"contents: read\") at the top of the workflow"
                                + " and grant each job what it needs",
                        fix);
            }
        }
    }

    /**
     * The fix, one for all the jobs: {@code permissions: {}} (or {@code contents: read} when a job
     * checks out) above {@code jobs:}, only when no job without permissions can write with the
     * token: none calls a reusable workflow, uses an action not known to be read-only, pushes with
     * git or runs gh, and the file never names the token.
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
                if (s.uses().isPresent()
                        && (u.isEmpty() || !READ_ONLY_ACTIONS.contains(u.get().target()))) {
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
        String block =
                checkout ? "permissions:" + nl + "  contents: read" + nl : "permissions: {}" + nl;
        return Fix.of(
                TextEdit.insert(at, block),
                "added \""
                        + (checkout ? "permissions: contents: read" : "permissions: {}")
                        + "\" at the top of the workflow");
    }

    /** A script that writes with the token: {@code git push} or the GitHub CLI. */
    private static final Pattern WRITES = Pattern.compile("(?s).*\\b(git\\s+push|gh\\s)\\b.*");

    @Override
    public void visitJob(Workflow.Job job) {
        job.body().get("permissions").ifPresent(p -> base(p, Persona.REGULAR));
        job.body().map("permissions").ifPresent(p -> unused(job, p));
    }

    /**
     * {@code write-all} (high, an error) and {@code read-all} (medium: every read scope, private
     * ones included).
     */
    private void base(YNode p, Persona who) {
        if (p instanceof YScalar s && s.value().equals("write-all")) {
            report(
                    who,
                    s.pos(),
                    Severity.ERROR,
                    "\"write-all\" gives the token every write scope; list the scopes the jobs need");
        } else if (p instanceof YScalar s && s.value().equals("read-all")) {
            report(
                    who,
                    s.pos(),
                    Severity.WARNING,
                    "\"read-all\" gives the token every read scope, secrets scanning and"
                            + " security events included; list the scopes the jobs need (\"contents: read\")");
        }
    }

    /** Write scopes at the workflow level reach every job, also those that never write. */
    private void workflowWrites(YMap perms, Persona who) {
        for (YMap.Entry e : perms.entries()) {
            if (e.value() instanceof YScalar v && v.value().equals("write")) {
                Audit.Level level = WRITE_SCOPES.getOrDefault(e.key().value(), Audit.Level.MEDIUM);
                Severity severity =
                        level == Audit.Level.HIGH
                                ? Severity.ERROR
                                : level == Audit.Level.MEDIUM ? Severity.WARNING : Severity.NOTE;
                report(
                        who,
                        v.pos(),
                        severity,
                        "\""
                                + e.key().value()
                                + ": write\" at the workflow level gives every job"
                                + " that write access; grant it in the permissions: of the jobs that need it");
            }
        }
    }

    private void unused(Workflow.Job job, YMap perms) {
        if (job.steps().isEmpty() || job.steps().stream().anyMatch(s -> s.uses().isEmpty())) {
            return;
        }
        for (Workflow.Step s : job.steps()) {
            boolean readOnly =
                    s.uses()
                            .flatMap(u -> Uses.parse(u.value()))
                            .map(u -> READ_ONLY_ACTIONS.contains(u.target()))
                            .orElse(false);
            if (!readOnly || mentionsToken(s.body())) {
                return;
            }
        }
        for (YMap.Entry e : perms.entries()) {
            if (e.value() instanceof YScalar v
                    && v.value().equals("write")
                    && !e.key().value().equals("id-token")) {
                // zizmor leaves job-level scopes alone (it cannot know what a job needs): a smell,
                // for pedantic readers.
                report(
                        Persona.PEDANTIC,
                        v,
                        "job \""
                                + job.id().value()
                                + "\" grants \""
                                + e.key().value()
                                + ": write\" but its steps are"
                                + " actions that never write with the token; use \"read\" or drop the scope");
            }
        }
    }

    private static boolean mentionsToken(YMap step) {
        List<YScalar> all = new ArrayList<>();
        strings(step, all);
        return all.stream()
                .anyMatch(
                        s ->
                                s.value().contains("github.token")
                                        || s.value().contains("GITHUB_TOKEN"));
    }
}
