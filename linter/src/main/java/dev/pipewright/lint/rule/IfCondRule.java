package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.regex.Pattern;

/**
 * {@code if:} conditions: text outside {@code ${{ }}} turns the condition into a non-empty string,
 * which is always true; a literal true condition is dead code. A literal false is how jobs and
 * steps are switched off on purpose ({@code if: false # publishing disabled}), so it is left alone.
 */
@Rule(
        id = "if-cond",
        summary = "if conditions are not always true because of text outside ${{ }}, nor constant")
public final class IfCondRule extends LintRule {
    private static final Pattern WHOLE = Pattern.compile("\\$\\{\\{(?:[^}']|'[^']*'|}(?!}))*}}");
    private static final Pattern CONSTANT =
            Pattern.compile("(\\$\\{\\{\\s*)?(true|false)(\\s*}})?");

    @Override
    public void visitJob(Workflow.Job job) {
        check(job.body());
    }

    @Override
    public void visitStep(Workflow.Step step) {
        check(step.body());
    }

    private void constant(YScalar cond, boolean value) {
        if (value) {
            report(cond.pos(), Severity.WARNING, "condition is always true; remove the \"if\"");
        }
    }

    private void check(YMap body) {
        body.scalar("if")
                .ifPresent(
                        cond -> {
                            if (cond.type() == YScalar.Type.BOOL) {
                                constant(cond, cond.value().equalsIgnoreCase("true"));
                                return;
                            }
                            if (!cond.isString()) {
                                return;
                            }
                            String v = cond.value();
                            // Only YAML strips a plain scalar; a block scalar's trailing newline is
                            // text outside ${{ }}.
                            if (v.contains("${{") && !WHOLE.matcher(v).matches()) {
                                report(
                                        cond,
                                        "condition \""
                                                + v.strip()
                                                + "\" is always true: the text outside ${{ }} makes it a non-empty"
                                                + " string. Put the whole condition inside one ${{ }}, or drop ${{ }} entirely"
                                                + (v.endsWith("\n")
                                                        ? " (a block scalar such as \"if: |\" adds a trailing newline; use \"if: >-\")"
                                                        : ""));
                            } else if (CONSTANT.matcher(v.strip()).matches()) {
                                constant(cond, v.contains("true"));
                            }
                        });
    }
}
