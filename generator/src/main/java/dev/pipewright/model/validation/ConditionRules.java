package dev.pipewright.model.validation;

import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.ExpressionScanner;

/**
 * {@code if:} text: a condition with text outside its {@code ${{ }}} is a non-empty string, which
 * GitHub treats as always true — GitHub's parser accepts it, so we must not.
 */
final class ConditionRules implements WorkflowRule {
    @Override
    public void check(Workflow w, Where where, Problems problems) {
        for (ExpressionSite site : ExpressionSites.of(w, where)) {
            if (site.condition()
                    && site.text().contains("${{")
                    && !isSingleExpression(site.text())) {
                problems.add(
                        site.where(),
                        "the condition '"
                                + site.text()
                                + "' has text outside ${{ }}, so it is "
                                + "always true; put the whole condition inside one ${{ }} or write it without ${{ }}");
            }
            if (site.condition() && site.text().isBlank()) {
                problems.add(
                        site.where(), "the condition is empty; remove the if or write a condition");
            }
        }
    }

    private static boolean isSingleExpression(String text) {
        String t = text.strip();
        if (!t.startsWith("${{") || !t.endsWith("}}")) {
            return false;
        }
        try {
            var exprs = ExpressionScanner.expressions(t);
            return exprs.size() == 1 && t.equals("${{" + exprs.get(0) + "}}");
        } catch (IllegalArgumentException e) {
            return true; // malformed expressions are reported by ContextRules
        }
    }
}
