package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
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
 * Registry passwords written into the workflow: {@code docker/login-action} with a literal {@code
 * password}, and {@code docker login -p <literal>} in scripts. Literal passwords in {@code
 * container.credentials} and {@code services.*.credentials} are the {@code credentials} rule's (not
 * reported twice).
 */
@Rule(
        id = "hardcoded-container-credentials",
        summary = "registry logins do not hard-code passwords",
        severity = Severity.ERROR,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH)
public final class HardcodedContainerCredentialsAudit extends AuditRule {
    /**
     * {@code docker|podman|buildah|helm registry login ... -p value} with a value that is not a
     * variable.
     */
    private static final Pattern LOGIN =
            Pattern.compile(
                    "\\b(?:docker|podman|buildah|skopeo|crane)\\s+(?:\\S+\\s+)*?login\\b[^\\n|;&]*?"
                            + "\\s(?:-p|--password)(?:\\s+|=)(['\"]?)([^\\s'\"$%{}]+)\\1(?=\\s|$)");

    @Override
    public void visitStep(Workflow.Step step) {
        check(step.body());
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        compositeSteps(action).forEach(this::check);
    }

    private void check(YMap step) {
        boolean login =
                step.string("uses")
                        .flatMap(Uses::parse)
                        .map(
                                u ->
                                        u.is("docker/login-action")
                                                || u.is("redhat-actions/podman-login"))
                        .orElse(false);
        if (login) {
            step.map("with")
                    .flatMap(w -> w.scalar("password"))
                    .filter(
                            p ->
                                    p.isString() && !p.value().isEmpty() && !p.hasExpression()
                                            || p.type() == YScalar.Type.INT)
                    .ifPresent(
                            p ->
                                    report(
                                            p,
                                            "the registry password is hard-coded; use a secret"
                                                    + " such as ${{ secrets.REGISTRY_PASSWORD }}, or ${{ secrets.GITHUB_TOKEN }} for ghcr.io"));
        }
        step.scalar("run")
                .filter(YScalar::isString)
                .ifPresent(
                        run -> {
                            if (!run.value().contains("login")) {
                                return;
                            }
                            Matcher m = LOGIN.matcher(run.value());
                            while (m.find()) {
                                report(
                                        Locator.at(ctx(), run, m.start(2)),
                                        "the registry password is hard-coded in the script; pass a secret"
                                                + " through env: and use --password-stdin");
                            }
                        });
    }
}
