package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;

/** Container and service registry passwords come from secrets, never from the workflow text. */
@Rule(id = "credentials", summary = "container and service credentials do not hard-code passwords")
public final class CredentialsRule extends LintRule {
    @Override
    public void visitJob(Workflow.Job job) {
        job.body().map("container").ifPresent(c -> check("container", c));
        job.body()
                .map("services")
                .ifPresent(
                        services ->
                                services.entries()
                                        .forEach(
                                                e -> {
                                                    if (e.value() instanceof YMap s) {
                                                        check(
                                                                "service \""
                                                                        + e.key().value()
                                                                        + "\"",
                                                                s);
                                                    }
                                                }));
    }

    private void check(String what, YMap container) {
        container
                .map("credentials")
                .flatMap(c -> c.scalar("password"))
                .filter(p -> !p.isNull() && !p.hasExpression() && !p.value().isEmpty())
                .ifPresent(
                        p ->
                                report(
                                        p,
                                        "the password of the "
                                                + what
                                                + " registry credentials is hard-coded; use a secret"
                                                + " such as ${{ secrets.REGISTRY_PASSWORD }}"));
    }
}
