package dev.pipewright.lint.audit;

import dev.pipewright.github.expr.Expr;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YScalar;

/**
 * The runner masks a secret's exact value in the logs. {@code fromJSON(secrets.CREDS).password} is
 * a part of a secret, a string the runner never saw, so it is printed in clear wherever it ends up
 * in the output.
 */
@Rule(
        id = "unredacted-secrets",
        summary = "secrets are not decoded as JSON, whose fields the runner does not redact",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.HIGH)
public final class UnredactedSecretsAudit extends ExpressionAudit {
    @Override
    protected void expression(YScalar s, Exprs.Span span) {
        find(s, span, span.ast());
    }

    private void find(YScalar s, Exprs.Span span, Expr e) {
        // the field read from the decoded secret, when there is one, tells two findings on a line
        // apart
        Expr call = e instanceof Expr.Property p ? p.receiver() : e;
        if (call instanceof Expr.Call c
                && c.name().equalsIgnoreCase("fromJSON")
                && c.args().stream().anyMatch(UnredactedSecretsAudit::secret)) {
            report(
                    at(s, span, c),
                    ExprTree.render(e)
                            + " decodes a secret into values the runner does not know, so they"
                            + " are not redacted in the logs; store each field as a secret of its own");
            return;
        }
        ExprTree.children(e).forEach(c -> find(s, span, c));
    }

    private static boolean secret(Expr arg) {
        String path = Exprs.path(arg);
        return path != null && (path.equals("secrets") || path.startsWith("secrets."));
    }
}
