package dev.pipewright.lint.audit;

import dev.pipewright.github.expr.Expr;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * A secret read by a job without {@code environment:} is a repository or organisation secret, open
 * to every job of every workflow on any branch; an environment's secrets reach only the jobs its
 * protection rules admit. For auditors only (zizmor's auditor persona): moving secrets into
 * environments needs care, since environment secrets do not reach reusable workflows without {@code
 * secrets: inherit}, and such workflows are not reported. {@code GITHUB_TOKEN} and the names under
 * {@code audits: secrets-outside-env: allow} pass.
 */
@Rule(
        id = "secrets-outside-env",
        summary = "secrets are read by jobs that run in an environment (auditor)",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.HIGH)
public final class SecretsOutsideEnvAudit extends AuditRule {
    @Override
    public void visitJob(Workflow.Job job) {
        if (!policy().auditor()
                || job.isCall()
                || triggers().containsKey("workflow_call")
                || job.body().get("environment").isPresent()) {
            return;
        }
        List<YScalar> strings = new ArrayList<>();
        strings(job.body(), strings);
        for (YScalar s : strings) {
            for (Exprs.Span span : Exprs.spans(s.value())) {
                if (span.ast() == null) {
                    continue;
                }
                for (Exprs.Access a : Exprs.accesses(span.ast())) {
                    if (!a.path().startsWith("secrets.")) {
                        continue;
                    }
                    // the name as written: access paths are lower-cased
                    String name =
                            a.node() instanceof Expr.Property p
                                    ? p.name()
                                    : a.node() instanceof Expr.Index i
                                                    && i.index() instanceof Expr.Literal l
                                                    && l.value() instanceof String n
                                            ? n
                                            : a.path().substring("secrets.".length());
                    if (name.contains(".")
                            || name.equals("*")
                            || !policy().allowsSecretOutsideEnv(name)) {
                        report(
                                Locator.at(ctx(), s, span.start() + 3 + ExprTree.start(a.node())),
                                "job \""
                                        + job.id().value()
                                        + "\" reads secrets."
                                        + name
                                        + " without an environment, so"
                                        + " every workflow of the repository can read it too; give the job an \"environment:\""
                                        + " and move the secret there, or allow it under audits: secrets-outside-env");
                    }
                }
            }
        }
    }
}
