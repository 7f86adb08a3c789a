package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.github.expr.Expr;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Forms GitHub accepts but that hide what runs from a reader and from the other audits: {@code
 * uses:} paths with {@code .}, {@code ..} or empty segments ({@code actions/checkout/./@v4} is
 * {@code actions/checkout@v4}), expressions that are constants ({@code ${{ format('{0}', 'x') }}}),
 * a whole {@code with:} given by one expression, and (pedantic) computed indexes ({@code
 * inputs[inputs.name]}).
 */
@Rule(
        id = "obfuscation",
        summary = "uses: paths and expressions say plainly what they mean",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.LOW, confidence = Audit.Confidence.HIGH)
public final class ObfuscationAudit extends ExpressionAudit {
    @Override
    public void visitStep(Workflow.Step step) {
        step(step.body());
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        super.visitAction(action);
        compositeSteps(action).forEach(this::step);
    }

    private void step(YMap step) {
        step.scalar("uses")
                .filter(YScalar::isString)
                .ifPresent(
                        uses ->
                                Uses.parse(uses.value())
                                        .ifPresent(
                                                u -> {
                                                    List<String> odd = new ArrayList<>();
                                                    for (String segment :
                                                            u.path().isEmpty()
                                                                    ? new String[0]
                                                                    : u.path()
                                                                            .substring(1)
                                                                            .split("/", -1)) {
                                                        String what =
                                                                segment.equals(".")
                                                                        ? "\".\""
                                                                        : segment.equals("..")
                                                                                ? "\"..\""
                                                                                : segment.isEmpty()
                                                                                        ? "an empty segment"
                                                                                        : null;
                                                        if (what != null && !odd.contains(what)) {
                                                            odd.add(what);
                                                        }
                                                    }
                                                    if (!odd.isEmpty()) {
                                                        String plain = normalized(u);
                                                        report(
                                                                uses,
                                                                "the path of \""
                                                                        + uses.value().strip()
                                                                        + "\" has "
                                                                        + String.join(" and ", odd)
                                                                        + ", which hides"
                                                                        + " the action from readers and audits; "
                                                                        + (plain == null
                                                                                ? "name the action's directory directly"
                                                                                : "write \""
                                                                                        + plain
                                                                                        + "\""));
                                                    }
                                                }));
        step.get("with")
                .filter(w -> w instanceof YScalar s && s.hasExpression())
                .ifPresent(
                        w ->
                                report(
                                        w,
                                        "\"with:\" is one expression, so neither readers nor audits can tell the action's inputs; list"
                                                + " the inputs under \"with:\""));
    }

    /**
     * The reference without {@code .}, {@code ..} and empty segments; null when {@code ..} climbs
     * out of the repository.
     */
    static String normalized(Uses u) {
        List<String> parts = new ArrayList<>();
        for (String segment : u.path().substring(1).split("/", -1)) {
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        return u.repository()
                + (parts.isEmpty() ? "" : "/" + String.join("/", parts))
                + "@"
                + u.ref();
    }

    @Override
    protected void expression(YScalar s, Exprs.Span span) {
        Expr e = span.ast();
        if (ExprTree.constant(e)) {
            report(
                    at(s, span, e),
                    "\""
                            + span.whole(s.value())
                            + "\" is a constant; write its value instead of an expression");
        } else {
            reducible(s, span, e);
        }
        if (policy().pedantic()) {
            computedIndexes(s, span, e);
        }
    }

    private static String render(Expr e) {
        String r = ExprTree.render(e);
        return r.startsWith("(") && r.endsWith(")") ? r.substring(1, r.length() - 1) : r;
    }

    private void reducible(YScalar s, Exprs.Span span, Expr e) {
        for (Expr c : ExprTree.children(e)) {
            if (!(c instanceof Expr.Literal) && ExprTree.constant(c)) {
                report(
                        at(s, span, c),
                        render(c)
                                + " in \""
                                + span.whole(s.value()).strip()
                                + "\" is a constant; write its"
                                + " value instead");
            } else {
                reducible(s, span, c);
            }
        }
    }

    private void computedIndexes(YScalar s, Exprs.Span span, Expr e) {
        if (e instanceof Expr.Index i && !(i.index() instanceof Expr.Literal)) {
            report(
                    at(s, span, i.index()),
                    "the index "
                            + render(i.index())
                            + " in \""
                            + span.whole(s.value()).strip()
                            + "\" is computed, so what it reads is known only at run time; index with a literal");
        }
        ExprTree.children(e).forEach(c -> computedIndexes(s, span, c));
    }
}
