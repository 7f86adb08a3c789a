package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code pull_request_target} and {@code workflow_run} run with the base repository's secrets and a write token on
 * behalf of outsiders; checking out the pull request's head under them runs the outsider's code with those rights
 * ("pwn request"). The same holds for {@code issue_comment} checking out the commented pull request.
 */
@Rule(id = "dangerous-triggers", summary = "pull_request_target and workflow_run are avoided, and never check out the untrusted head",
        severity = Severity.WARNING, category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.MEDIUM)
public final class DangerousTriggersAudit extends AuditRule {
    /** Refs and repositories of the pull request's head (or the triggering run's head). */
    private static final Pattern HEAD = Pattern.compile("github\\.(event\\.(pull_request\\.head\\.(sha|ref|repo\\.full_name)"
            + "|pull_request\\.merge_commit_sha|workflow_run\\.(head_sha|head_branch|head_repository\\.full_name)|number"
            + "|pull_request\\.number|issue\\.number)|head_ref)|refs/pull/", Pattern.CASE_INSENSITIVE);

    /** A script that fetches or checks out a pull request's code. */
    private static final Pattern FETCH = Pattern.compile("(?s).*\\b(gh pr checkout|git fetch\\s[^\\n]*(refs/pull/|\\bpull/[^\\n]*?/(head|merge)\\b))"
            + ".*");

    @Override
    protected void workflow(Workflow wf) {
        triggers().forEach((event, node) -> {
            if (event.equals("pull_request_target")) {
                report(node, "pull_request_target runs with this repository's secrets and a write token for pull requests"
                        + " from forks; use pull_request, or keep this workflow free of the pull request's code and text");
            } else if (event.equals("workflow_run")) {
                report(node, "workflow_run runs with this repository's secrets after workflows outsiders can trigger;"
                        + " treat the triggering run's artifacts and branch as untrusted, or use a different trigger");
            }
        });
    }

    @Override
    public void visitStep(Workflow.Step step) {
        // issue_comment runs on the default branch with its secrets and a write token, for comments anyone can write on
        // a pull request; checking out that pull request (by github.event.issue.number) is the same pwn request.
        List<String> pwn = triggers().keySet().stream().filter(t -> Triggers.PRIVILEGED.contains(t) || t.equals("issue_comment"))
                .toList();
        if (pwn.isEmpty()) {
            return;
        }
        boolean checkout = step.uses().flatMap(u -> Uses.parse(u.value())).map(u -> u.is("actions/checkout")).orElse(false);
        if (checkout) {
            step.body().map("with").ifPresent(with -> {
                for (String key : new String[] {"ref", "repository"}) {
                    with.scalar(key).filter(YScalar::isString).filter(r -> HEAD.matcher(r.value()).find()).ifPresent(r ->
                            report(r, "checks out the pull request's head (" + r.value().strip() + ") under "
                                    + String.join("/", pwn) + ": its build scripts then run with this repository's secrets and write token"));
                }
            });
        }
        String where = privileged() ? "a privileged trigger" : String.join("/", pwn);
        step.run().filter(YScalar::isString).filter(r -> FETCH.matcher(r.value()).matches()).ifPresent(r -> report(r,
                "fetches the pull request's head under " + where + "; its code runs with this repository's secrets and write token"));
    }
}
