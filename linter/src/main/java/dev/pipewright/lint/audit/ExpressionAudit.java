package dev.pipewright.lint.audit;

import dev.pipewright.github.expr.Expr;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the audits that read every {@code ${{ }}} of a workflow or action file, wherever it
 * stands.
 */
public abstract class ExpressionAudit extends AuditRule {
    @Override
    protected void workflow(Workflow wf) {
        scan(wf.root());
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        scan(action.root());
    }

    private void scan(YNode root) {
        List<YScalar> all = new ArrayList<>();
        strings(root, all);
        for (YScalar s : all) {
            for (Exprs.Span span : Exprs.spans(s.value())) {
                if (span.ast() != null) {
                    expression(s, span);
                }
            }
        }
    }

    /** One parsed {@code ${{ }}} in the string {@code s}. */
    protected abstract void expression(YScalar s, Exprs.Span span);

    /** The source position of a node of the span's expression. */
    protected final Pos at(YScalar s, Exprs.Span span, Expr node) {
        return Locator.at(ctx(), s, span.start() + 3 + ExprTree.start(node));
    }
}
