package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pull_request_target} and {@code workflow_run} run with the base repository's secrets and a
 * write token on behalf of outsiders; checking out the pull request's head under them runs the
 * outsider's code with those rights ("pwn request"). The same holds for {@code issue_comment}
 * checking out the commented pull request.
 */
@Rule(
        id = "dangerous-triggers",
        summary =
                "pull_request_target and workflow_run are avoided, and never check out the untrusted head",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.MEDIUM)
public final class DangerousTriggersAudit extends AuditRule {
    /** Refs and repositories of the pull request's head (or the triggering run's head). */
    private static final Pattern HEAD =
            Pattern.compile(
                    "github\\.(event\\.(pull_request\\.head\\.(sha|ref|repo\\.full_name)"
                            + "|pull_request\\.merge_commit_sha|workflow_run\\.(head_sha|head_branch|head_repository\\.full_name)|number"
                            + "|pull_request\\.number|issue\\.number)|head_ref)|refs/pull/",
                    Pattern.CASE_INSENSITIVE);

    /** A script that fetches or checks out a pull request's code. */
    private static final Pattern FETCH =
            Pattern.compile(
                    "(?s).*\\b(gh pr checkout|git fetch\\s[^\\n]*(refs/pull/|\\bpull/[^\\n]*?/(head|merge)\\b))"
                            + ".*");

    /**
     * A value taken from the pull request's head: the API's head.sha/ref, gh's headRefOid/Name,
     * refs/pull/N/head.
     */
    private static final Pattern PR_HEAD =
            Pattern.compile(
                    "\\.head\\.(sha|ref)\\b|\\bheadRef(Oid|Name)\\b|\\bhead_(sha|ref)\\b"
                            + "|refs/pull/|\\bpull/[^\\s/]+/head\\b|\\bgh pr checkout\\b");

    /** {@code ${{ steps.ID.outputs.NAME }}}, the whole value. */
    private static final Pattern STEP_OUTPUT =
            Pattern.compile("\\s*\\$\\{\\{\\s*steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)\\s*}}\\s*");

    /**
     * The job whose steps {@link #visitStep} has seen, and those steps: outputs of earlier steps
     * feed later ones.
     */
    private Workflow.Job job;

    @Override
    public void visitJob(Workflow.Job job) {
        this.job = job;
    }

    @Override
    protected void workflow(Workflow wf) {
        triggers()
                .forEach(
                        (event, node) -> {
                            if (event.equals("pull_request_target")) {
                                report(
                                        node,
                                        "pull_request_target runs with this repository's secrets and a write token for pull requests"
                                                + " from forks; use pull_request, or keep this workflow free of the pull request's code and text");
                            } else if (event.equals("workflow_run")) {
                                report(
                                        node,
                                        "workflow_run runs with this repository's secrets after workflows outsiders can trigger;"
                                                + " treat the triggering run's artifacts and branch as untrusted, or use a different trigger");
                            }
                        });
    }

    @Override
    public void visitStep(Workflow.Step step) {
        // issue_comment runs on the default branch with its secrets and a write token, for comments
        // anyone can write on
        // a pull request; checking out that pull request (by github.event.issue.number) is the same
        // pwn request.
        List<String> pwn =
                triggers().keySet().stream()
                        .filter(t -> Triggers.PRIVILEGED.contains(t) || t.equals("issue_comment"))
                        .toList();
        if (pwn.isEmpty()) {
            return;
        }
        boolean checkout =
                step.uses()
                        .flatMap(u -> Uses.parse(u.value()))
                        .map(u -> u.is("actions/checkout"))
                        .orElse(false);
        if (checkout) {
            step.body()
                    .map("with")
                    .ifPresent(
                            with -> {
                                for (String key : new String[] {"ref", "repository"}) {
                                    with.scalar(key)
                                            .filter(YScalar::isString)
                                            .filter(r -> HEAD.matcher(r.value()).find())
                                            .ifPresent(
                                                    r ->
                                                            report(
                                                                    r,
                                                                    "checks out the pull request's head ("
                                                                            + r.value().strip()
                                                                            + ") under "
                                                                            + String.join("/", pwn)
                                                                            + ": its build scripts then run with this repository's secrets and write token"));
                                }
                                with.scalar("ref")
                                        .filter(YScalar::isString)
                                        .ifPresent(
                                                r -> {
                                                    String producer = headOutput(step, r.value());
                                                    if (producer != null) {
                                                        report(
                                                                r,
                                                                "checks out "
                                                                        + r.value().strip()
                                                                        + ", which step \""
                                                                        + producer
                                                                        + "\" takes from the pull"
                                                                        + " request's head, under "
                                                                        + String.join("/", pwn)
                                                                        + ": its build scripts then run with this"
                                                                        + " repository's secrets and write token");
                                                    }
                                                });
                            });
        }
        String where = privileged() ? "a privileged trigger" : String.join("/", pwn);
        step.run()
                .filter(YScalar::isString)
                .filter(r -> FETCH.matcher(r.value()).matches())
                .ifPresent(
                        r ->
                                report(
                                        r,
                                        "fetches the pull request's head under "
                                                + where
                                                + "; its code runs with this repository's secrets and write token"));
    }

    /**
     * The id of the earlier step whose output {@code value} ({@code ${{ steps.ID.outputs.NAME }}})
     * is set from the pull request's head, or null: github-script's {@code core.setOutput('NAME',
     * …head.sha)}, or a script writing {@code NAME=…} to {@code $GITHUB_OUTPUT} from gh's {@code
     * headRefOid} (directly or through one shell variable).
     */
    private String headOutput(Workflow.Step step, String value) {
        Matcher m = STEP_OUTPUT.matcher(value);
        if (!m.matches() || job == null) {
            return null;
        }
        String id = m.group(1);
        String name = Pattern.quote(m.group(2));
        for (Workflow.Step s : job.steps()) {
            if (s.index() >= step.index()) {
                break;
            }
            String declared = s.body().string("id").orElse("");
            if (!declared.equalsIgnoreCase(id)) { // context names ignore case
                continue;
            }
            String script = s.body().map("with").flatMap(w -> w.string("script")).orElse("");
            Matcher set =
                    Pattern.compile("setOutput\\(\\s*['\"`]" + name + "['\"`]\\s*,([^)\\n]*)")
                            .matcher(script);
            while (set.find()) {
                if (PR_HEAD.matcher(set.group(1)).find()) {
                    return declared;
                }
            }
            String run = s.run().filter(YScalar::isString).map(YScalar::value).orElse("");
            Matcher out =
                    Pattern.compile("(?m)^.*(?<![\\w-])" + name + "=(.*)GITHUB_OUTPUT.*$")
                            .matcher(run);
            while (out.find()) {
                String written = out.group(1);
                if (PR_HEAD.matcher(written).find()) {
                    return declared;
                }
                Matcher var = Pattern.compile("\\$\\{?(\\w+)").matcher(written);
                while (var.find()) {
                    Matcher assign =
                            Pattern.compile(
                                            "(?m)^\\s*(?:export\\s+|local\\s+)?"
                                                    + var.group(1)
                                                    + "=(.*)$")
                                    .matcher(run);
                    while (assign.find()) {
                        if (PR_HEAD.matcher(assign.group(1)).find()) {
                            return declared;
                        }
                    }
                }
            }
        }
        return null;
    }
}
