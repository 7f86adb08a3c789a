package dev.pipewright.lint.audit;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.regex.Pattern;

/**
 * An {@code if:} with text outside its {@code ${{ }}} (a multi-line {@code if: |} adds a trailing
 * newline) is a non-empty string, so always true: the step it guards always runs. In workflows the
 * {@code if-cond} rule reports this as an error; this audit covers the composite action steps of
 * {@code action.yml}, which if-cond does not read.
 */
@Rule(
        id = "unsound-condition",
        summary =
                "if conditions of composite action steps are not always true because of text outside ${{ }}",
        severity = Severity.ERROR,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH)
public final class UnsoundConditionAudit extends AuditRule {
    private static final Pattern WHOLE =
            Pattern.compile("\\$\\{\\{(?:[^}']++|'[^']*+'|}(?!}))*+}}");

    @Override
    public void visitAction(LintContext.ActionFile action) {
        compositeSteps(action).forEach(this::check);
    }

    private void check(YMap step) {
        step.scalar("if")
                .filter(YScalar::isString)
                .ifPresent(
                        cond -> {
                            String v = cond.value();
                            if (v.contains("${{") && !WHOLE.matcher(v).matches()) {
                                report(
                                        cond,
                                        "condition \""
                                                + v.strip()
                                                + "\" is always true: the text outside ${{ }}"
                                                + (v.endsWith("\n")
                                                        ? " (the trailing newline of a block scalar)"
                                                        : "")
                                                + " makes it a non-empty string;"
                                                + " put the whole condition inside one ${{ }}, or write it without ${{ }}");
                            }
                        });
    }
}
