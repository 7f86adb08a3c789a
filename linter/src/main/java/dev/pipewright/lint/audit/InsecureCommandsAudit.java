package dev.pipewright.lint.audit;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ACTIONS_ALLOW_UNSECURE_COMMANDS} turns the retired {@code ::set-env} and {@code
 * ::add-path} commands back on, so anything printed to the log (a test name, a file's content) can
 * set variables and PATH for later steps.
 */
@Rule(
        id = "insecure-commands",
        summary = "ACTIONS_ALLOW_UNSECURE_COMMANDS is not set",
        severity = Severity.ERROR,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH)
public final class InsecureCommandsAudit extends AuditRule {
    private static final Pattern IN_SCRIPT =
            Pattern.compile("ACTIONS_ALLOW_UNSECURE_COMMANDS\\s*=\\s*['\"]?(true|1)");

    @Override
    protected void workflow(Workflow wf) {
        env(wf.root());
    }

    @Override
    public void visitJob(Workflow.Job job) {
        env(job.body());
        job.body().map("container").ifPresent(this::env);
    }

    @Override
    public void visitStep(Workflow.Step step) {
        step(step.body());
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        compositeSteps(action).forEach(this::step);
    }

    private void step(YMap body) {
        env(body);
        body.scalar("run")
                .filter(YScalar::isString)
                .ifPresent(
                        run -> {
                            Matcher m = IN_SCRIPT.matcher(run.value());
                            if (m.find() && run.value().contains("GITHUB_ENV")) {
                                report(
                                        Locator.at(ctx(), run, m.start()),
                                        "setting ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and"
                                                + " ::add-path for later steps; write to $GITHUB_ENV and $GITHUB_PATH instead");
                            }
                        });
    }

    private void env(YMap body) {
        body.map("env")
                .flatMap(e -> e.entry("ACTIONS_ALLOW_UNSECURE_COMMANDS"))
                .ifPresent(
                        e -> {
                            boolean on =
                                    e.value() instanceof YScalar s
                                            && (s.value().equalsIgnoreCase("true")
                                                    || s.value().equals("1")
                                                    || s.hasExpression());
                            if (on) {
                                report(
                                        e.key(),
                                        "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and ::add-path, so any text printed to the"
                                                + " log can set variables and PATH; remove it and write to $GITHUB_ENV and $GITHUB_PATH");
                            }
                        });
    }
}
