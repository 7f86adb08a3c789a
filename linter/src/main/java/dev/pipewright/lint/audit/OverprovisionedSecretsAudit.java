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
 * {@code toJSON(secrets)} and {@code secrets[<expression>]} make every secret of the repository
 * available to the job, since the runner cannot tell which ones are used and so sends all.
 */
@Rule(
        id = "overprovisioned-secrets",
        summary = "jobs name the secrets they use instead of toJSON(secrets) or secrets[expr]",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.HIGH)
public final class OverprovisionedSecretsAudit extends AuditRule {
    @Override
    protected void workflow(Workflow wf) {
        List<YScalar> all = new ArrayList<>();
        strings(wf.root(), all);
        for (YScalar s : all) {
            if (!s.value().contains("${{") || !Exprs.mentions(s.value(), "secrets")) {
                continue; // the secrets context is named in every expression that could pass it
                // whole
            }
            for (Exprs.Span span : Exprs.spans(s.value())) {
                if (span.ast() != null && overprovisions(span.ast())) {
                    report(
                            Locator.at(ctx(), s, span.start()),
                            "\""
                                    + span.whole(s.value())
                                    + "\" sends every secret of the"
                                    + " repository to the runner; reference each secret by name (secrets.NAME)");
                }
            }
        }
        // if: conditions hold bare expressions.
        wf.jobs()
                .forEach(
                        j -> {
                            bare(j.body().scalar("if").orElse(null));
                            j.steps().forEach(st -> bare(st.body().scalar("if").orElse(null)));
                        });
    }

    private void bare(YScalar cond) {
        if (cond != null
                && cond.isString()
                && !cond.value().contains("${{")
                && Exprs.mentions(cond.value(), "secrets")) {
            Exprs.parse(cond.value())
                    .filter(OverprovisionedSecretsAudit::overprovisions)
                    .ifPresent(
                            e ->
                                    report(
                                            cond,
                                            "the condition reads the whole secrets context; reference each secret by name (secrets.NAME)"));
        }
    }

    static boolean overprovisions(Expr e) {
        if (e instanceof Expr.Call c) {
            return c.args().stream()
                            .anyMatch(
                                    a ->
                                            a instanceof Expr.Context ctx
                                                    && ctx.name().equalsIgnoreCase("secrets"))
                    || c.args().stream().anyMatch(OverprovisionedSecretsAudit::overprovisions);
        }
        if (e instanceof Expr.Index i) {
            return i.receiver() instanceof Expr.Context ctx
                            && ctx.name().equalsIgnoreCase("secrets")
                            && !(i.index() instanceof Expr.Literal)
                    || overprovisions(i.receiver())
                    || overprovisions(i.index());
        }
        if (e instanceof Expr.Binary b) {
            return overprovisions(b.left()) || overprovisions(b.right());
        }
        if (e instanceof Expr.Not n) {
            return overprovisions(n.operand());
        }
        return e instanceof Expr.Property p && overprovisions(p.receiver());
    }
}
