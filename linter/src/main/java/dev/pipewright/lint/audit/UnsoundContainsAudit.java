package dev.pipewright.lint.audit;

import dev.pipewright.github.expr.Expr;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code contains('refs/heads/main refs/heads/release', github.ref)} is a substring test, so {@code
 * refs/heads/mai} or {@code main refs} pass; a list was meant: {@code
 * contains(fromJSON('["refs/heads/main", "refs/heads/release"]'), github.ref)}.
 */
@Rule(
        id = "unsound-contains",
        summary = "contains() tests membership in a list, not a substring of a string literal",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.HIGH)
public final class UnsoundContainsAudit extends AuditRule {
    @Override
    public void visitJob(Workflow.Job job) {
        check(job.body());
    }

    @Override
    public void visitStep(Workflow.Step step) {
        check(step.body());
    }

    private void check(YMap body) {
        body.scalar("if")
                .filter(YScalar::isString)
                .ifPresent(
                        cond -> {
                            List<Expr> exprs = new ArrayList<>();
                            if (cond.value().contains("${{")) {
                                Exprs.spans(cond.value()).stream()
                                        .filter(s -> s.ast() != null)
                                        .forEach(s -> exprs.add(s.ast()));
                            } else {
                                Exprs.parse(cond.value()).ifPresent(exprs::add);
                            }
                            for (Expr e : exprs) {
                                Expr.Call c = unsound(e);
                                if (c != null) {
                                    String lit = (String) ((Expr.Literal) c.args().get(0)).value();
                                    String list =
                                            String.join(
                                                    ", ",
                                                    Arrays.stream(lit.trim().split("[\\s,]+"))
                                                            .map(x -> "\"" + x + "\"")
                                                            .toList());
                                    report(
                                            cond,
                                            "contains('"
                                                    + lit
                                                    + "', "
                                                    + Exprs.path(c.args().get(1))
                                                    + ") is a substring test, so parts"
                                                    + " of these values pass too; test list membership: contains(fromJSON('["
                                                    + list
                                                    + "]'), "
                                                    + Exprs.path(c.args().get(1))
                                                    + ")");
                                    return;
                                }
                            }
                        });
    }

    /** A contains() whose haystack is a string literal and needle a context. */
    static Expr.Call unsound(Expr e) {
        if (e instanceof Expr.Call c) {
            if (c.name().equalsIgnoreCase("contains")
                    && c.args().size() == 2
                    && c.args().get(0) instanceof Expr.Literal l
                    && l.value() instanceof String
                    && Exprs.path(c.args().get(1)) != null) {
                return c;
            }
            return c.args().stream()
                    .map(UnsoundContainsAudit::unsound)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }
        if (e instanceof Expr.Binary b) {
            Expr.Call l = unsound(b.left());
            return l != null ? l : unsound(b.right());
        }
        return e instanceof Expr.Not n ? unsound(n.operand()) : null;
    }
}
