package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YScalar;
import java.util.regex.Pattern;

/**
 * {@code pull_request_target} and {@code workflow_run} run with the base repository's secrets and a write token on
 * behalf of outsiders; checking out the pull request's head under them runs the outsider's code with those rights
 * ("pwn request").
 */
@Rule(id = "dangerous-triggers", summary = "pull_request_target and workflow_run are avoided, and never check out the untrusted head",
        severity = Severity.WARNING, category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.MEDIUM)
public final class DangerousTriggersAudit extends AuditRule {
    /** Refs and repositories of the pull request's head (or the triggering run's head). */
    private static final Pattern HEAD = Pattern.compile("github\\.(event\\.(pull_request\\.head\\.(sha|ref|repo\\.full_name)"
            + "|workflow_run\\.(head_sha|head_branch|head_repository\\.full_name)|number|pull_request\\.number)|head_ref)"
            + "|refs/pull/", Pattern.CASE_INSENSITIVE);

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
        if (!privileged()) {
            return;
        }
        boolean checkout = step.uses().flatMap(u -> Uses.parse(u.value())).map(u -> u.is("actions/checkout")).orElse(false);
        if (checkout) {
            step.body().map("with").ifPresent(with -> {
                for (String key : new String[] {"ref", "repository"}) {
                    with.scalar(key).filter(YScalar::isString).filter(r -> HEAD.matcher(r.value()).find()).ifPresent(r ->
                            report(r, "checks out the pull request's head (" + r.value().strip() + ") under "
                                    + String.join("/", triggers().keySet().stream().filter(Triggers.PRIVILEGED::contains).toList())
                                    + ": its build scripts then run with this repository's secrets and write token"));
                }
            });
        }
        step.run().filter(YScalar::isString).filter(r -> r.value().matches("(?s).*\\b(gh pr checkout|git fetch\\s[^\\n]*refs/pull/)"
                + ".*")).ifPresent(r -> report(r, "fetches the pull request's head under a privileged trigger; its code runs"
                + " with this repository's secrets and write token"));
    }
}
