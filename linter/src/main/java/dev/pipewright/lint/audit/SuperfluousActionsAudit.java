package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;

/**
 * Actions that do what a command of the runner image ({@code gh}, {@code git}, {@code docker},
 * {@code jq}, {@code rustup}) already does: each is more third-party code, and its dependencies, in
 * the job. zizmor's list; the actions whose replacement takes more than a line of script are
 * reported only with {@code pedantic}.
 */
@Rule(
        id = "superfluous-actions",
        summary = "steps use the runner's own tools rather than actions that wrap them",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.INFORMATIONAL, confidence = Audit.Confidence.HIGH)
public final class SuperfluousActionsAudit extends AuditRule {
    private record Superfluous(String action, String instead, boolean pedantic) {}

    private static final List<Superfluous> ACTIONS =
            List.of(
                    new Superfluous("ncipollo/release-action", "`gh release`", false),
                    new Superfluous("softprops/action-gh-release", "`gh release`", false),
                    new Superfluous("elgohr/github-release-action", "`gh release`", false),
                    new Superfluous("peter-evans/create-pull-request", "`gh pr create`", true),
                    new Superfluous(
                            "peter-evans/create-or-update-comment",
                            "`gh pr comment` or `gh issue comment`",
                            true),
                    new Superfluous("dacbd/create-issue-action", "`gh issue create`", false),
                    new Superfluous(
                            "actions-ecosystem/action-add-labels",
                            "`gh issue edit --add-label` or `gh pr edit --add-label`",
                            false),
                    new Superfluous(
                            "actions-ecosystem/action-remove-labels",
                            "`gh issue edit --remove-label` or `gh pr edit --remove-label`",
                            false),
                    new Superfluous(
                            "svenstaro/upload-release-action",
                            "`gh release create` and `gh release upload`",
                            false),
                    new Superfluous(
                            "addnab/docker-run-action",
                            "`docker run` (or a container step)",
                            false),
                    new Superfluous("sergeysova/jq-action", "`jq`", false),
                    new Superfluous("dtolnay/rust-toolchain", "`rustup` and `cargo`", true),
                    new Superfluous(
                            "stefanzweifel/git-auto-commit-action",
                            "`git add`, `git commit` and `git push`",
                            true),
                    new Superfluous(
                            "endbug/add-and-commit",
                            "`git add`, `git commit` and `git push`",
                            true));

    @Override
    public void visitStep(Workflow.Step step) {
        check(step.body());
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        compositeSteps(action).forEach(this::check);
    }

    private void check(YMap step) {
        step.scalar("uses")
                .filter(YScalar::isString)
                .ifPresent(
                        uses ->
                                Uses.parse(uses.value())
                                        .ifPresent(
                                                u -> {
                                                    for (Superfluous s : ACTIONS) {
                                                        if (u.repository()
                                                                        .equalsIgnoreCase(
                                                                                s.action())
                                                                && (!s.pedantic()
                                                                        || policy().pedantic())) {
                                                            report(
                                                                    uses,
                                                                    u.repository()
                                                                            + " does what the runner's own tools do, with more third-party code in the"
                                                                            + " job; use "
                                                                            + s.instead()
                                                                            + " in a run step");
                                                        }
                                                    }
                                                }));
    }
}
