package dev.pipewright.lint.audit;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
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

    /**
     * The variable set in {@code body}'s {@code env:}, reported at the {@code env:} key, where
     * zizmor reports it (so its {@code # zizmor: ignore[insecure-commands]} comments keep
     * applying). An {@code env:} that is one expression may set it too: auditor persona only, as
     * zizmor's, since most such expressions are harmless.
     */
    private void env(YMap body) {
        body.entry("env")
                .ifPresent(
                        env -> {
                            if (env.value() instanceof YScalar s && s.hasExpression()) {
                                report(
                                        Persona.AUDITOR,
                                        env.key(),
                                        "env is computed by an expression, which may set ACTIONS_ALLOW_UNSECURE_COMMANDS"
                                                + " and so re-enable ::set-env and ::add-path; list the variables instead");
                                return;
                            }
                            if (!(env.value() instanceof YMap vars)) {
                                return;
                            }
                            vars.entry("ACTIONS_ALLOW_UNSECURE_COMMANDS")
                                    .filter(e -> enables(e.value()))
                                    .ifPresent(
                                            e ->
                                                    report(
                                                            env.key(),
                                                            "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and ::add-path, so any text printed to the"
                                                                    + " log can set variables and PATH; remove it and write to $GITHUB_ENV and $GITHUB_PATH"));
                        });
    }

    private static boolean enables(YNode value) {
        return value instanceof YScalar s
                && (s.value().equalsIgnoreCase("true")
                        || s.value().equals("1")
                        || s.hasExpression());
    }
}
