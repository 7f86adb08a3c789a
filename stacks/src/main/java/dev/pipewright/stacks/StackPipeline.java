package dev.pipewright.stacks;

import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.dependabot.DependabotConfig;
import dev.pipewright.pipeline.Pipeline;
import dev.pipewright.pipeline.PipelineRenderer;
import dev.pipewright.stacks.actions.LocalActions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link Pipeline} made of a stack, its parameters and overrides; it also writes the local
 * Pipewright actions its workflows call. Both the Java examples and {@code pipewright.yml} specs
 * end here, so the two produce the same bytes.
 */
public class StackPipeline implements Pipeline {
    private final String id;
    private final String source;
    private final String outputDirectory;
    private final Stack stack;
    private final StackConfig config;
    private final String regenerateCommand;

    public StackPipeline(
            String id, String source, String outputDirectory, Stack stack, StackConfig config) {
        this(id, source, outputDirectory, stack, config, PipelineRenderer.REGENERATE);
    }

    /**
     * A pipeline whose headers name {@code regenerateCommand}: a spec's user runs the installed CLI
     * on their file ({@code pipewright generate --spec pipewright.yml}), not this repository's
     * {@code ./pipewright} script.
     */
    public StackPipeline(
            String id,
            String source,
            String outputDirectory,
            Stack stack,
            StackConfig config,
            String regenerateCommand) {
        this.regenerateCommand =
                Objects.requireNonNull(regenerateCommand, "regenerateCommand == null");
        this.id = Objects.requireNonNull(id, "id == null");
        this.source = Objects.requireNonNull(source, "source == null");
        this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory == null");
        this.stack = Objects.requireNonNull(stack, "stack == null");
        this.config = Objects.requireNonNull(config, "config == null");
        Set<String> known = new TreeSet<>();
        stack.parameters().forEach(p -> known.add(p.name()));
        for (Map.Entry<String, Object> e : config.values().entrySet()) {
            Parameter<?> p =
                    stack.parameters().stream()
                            .filter(q -> q.name().equals(e.getKey()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "stack "
                                                            + stack.id()
                                                            + " has no parameter '"
                                                            + e.getKey()
                                                            + "'; known: "
                                                            + known));
            String problem = p.problem(e.getValue());
            if (problem != null) {
                throw new IllegalArgumentException(
                        "parameter " + p.name() + " of stack " + stack.id() + " " + problem);
            }
        }
        List<String> unset =
                stack.parameters().stream()
                        .filter(p -> p.required() && !config.values().containsKey(p.name()))
                        .map(StackConfig::missing)
                        .toList();
        if (!unset.isEmpty()) {
            throw new IllegalArgumentException(
                    "stack " + stack.id() + ": " + String.join("; ", unset));
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String regenerateCommand() {
        return regenerateCommand;
    }

    @Override
    public String outputDirectory() {
        return outputDirectory;
    }

    public Stack stack() {
        return stack;
    }

    public StackConfig config() {
        return config;
    }

    @Override
    public List<Workflow> workflows() {
        List<Workflow> out = new ArrayList<>();
        List<Workflow> base = stack.workflows(config);
        for (StackOverride o : config.overrides()) {
            if (base.stream().noneMatch(w -> w.fileName().equals(o.workflow()))) {
                throw new IllegalArgumentException(
                        "override names workflow "
                                + o.workflow()
                                + "; stack "
                                + stack.id()
                                + " writes "
                                + base.stream().map(Workflow::fileName).toList());
            }
        }
        for (Workflow w : base) {
            Workflow result = w;
            for (StackOverride o : config.overrides()) {
                if (o.workflow().equals(w.fileName())) {
                    result = apply(result, o);
                }
            }
            out.add(result);
        }
        return out;
    }

    @Override
    public Optional<DependabotConfig> dependabot() {
        return stack.dependabot(config);
    }

    @Override
    public Map<String, String> localActions() {
        return LocalActions.usedBy(workflows());
    }

    static Workflow apply(Workflow w, StackOverride o) {
        if (o.addJob() != null) {
            if (w.jobs().stream().anyMatch(j -> j.id().equals(o.job()))) {
                throw new IllegalArgumentException(
                        "override: "
                                + w.fileName()
                                + " already has a job '"
                                + o.job()
                                + "'; give the added job another id, or change that job by its id");
            }
            List<String> ids = w.jobs().stream().map(Job::id).toList();
            for (String need : o.addJob().needs()) {
                if (!ids.contains(need)) {
                    throw new IllegalArgumentException(
                            "override: added job "
                                    + o.job()
                                    + " needs '"
                                    + need
                                    + "', which "
                                    + w.fileName()
                                    + " does not have; "
                                    + hint(need, ids, "jobs"));
                }
            }
            return w.toBuilder().job(o.addJob()).build();
        }
        // looked up here, not with w.job(), whose error would neither say 'override' nor suggest an
        // id
        Job job = w.jobs().stream().filter(j -> j.id().equals(o.job())).findFirst().orElse(null);
        if (job == null) {
            List<String> jobs = w.jobs().stream().map(Job::id).toList();
            throw new IllegalArgumentException(
                    "override: "
                            + w.fileName()
                            + " has no job '"
                            + o.job()
                            + "'; "
                            + hint(o.job(), jobs, "jobs"));
        }
        if (!(job instanceof NormalJob n)) {
            throw new IllegalArgumentException(
                    "override: job "
                            + o.job()
                            + " of "
                            + w.fileName()
                            + " calls a reusable"
                            + " workflow, whose steps and settings are the called workflow's; override that workflow instead");
        }
        if (o.step() == null && o.remove()) {
            throw new IllegalArgumentException(
                    "override: jobs are not removed (others may need them); remove or"
                            + " replace its steps by id instead");
        }
        NormalJob.Builder b = n.toBuilder();
        if (o.addStep() != null) {
            List<String> ids = n.steps().stream().map(Step::id).filter(Objects::nonNull).toList();
            if (ids.contains(o.addStep().id())) {
                throw new IllegalArgumentException(
                        "override: job "
                                + o.job()
                                + " of "
                                + w.fileName()
                                + " already has a step with id '"
                                + o.addStep().id()
                                + "'; give the added step another id");
            }
            String anchor = o.before() != null ? o.before() : o.after();
            if (anchor != null && !ids.contains(anchor)) {
                throw new IllegalArgumentException(
                        "override: job "
                                + o.job()
                                + " of "
                                + w.fileName()
                                + " has no step with id '"
                                + anchor
                                + "' to add '"
                                + o.addStep().id()
                                + "' "
                                + (o.before() != null ? "before" : "after")
                                + "; "
                                + hint(anchor, ids, "ids"));
            }
            if (o.after() != null) {
                b.insertAfter(o.after(), o.addStep());
            } else if (o.before() != null) {
                b.insertBefore(o.before(), o.addStep());
            } else {
                b.step(o.addStep());
            }
            return w.toBuilder().replaceJob(b.build()).build();
        }
        if (o.step() == null) {
            if (o.timeoutMinutes() != null) {
                b.timeoutMinutes(o.timeoutMinutes());
            }
            if (o.runsOn() != null) {
                b.runsOn(o.runsOn());
            }
        } else {
            Step step =
                    n.steps().stream()
                            .filter(s -> o.step().equals(s.id()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "override: job "
                                                            + o.job()
                                                            + " of "
                                                            + w.fileName()
                                                            + " has no step with id '"
                                                            + o.step()
                                                            + "'; "
                                                            + hint(
                                                                    o.step(),
                                                                    n.steps().stream()
                                                                            .map(Step::id)
                                                                            .filter(
                                                                                    Objects
                                                                                            ::nonNull)
                                                                            .toList(),
                                                                    "ids")));
            if (o.remove()) {
                b.removeStep(o.step());
            } else {
                if (o.run() != null || o.timeoutMinutes() != null) {
                    if (!(step instanceof RunStep r)) {
                        throw new IllegalArgumentException(
                                "override: step "
                                        + o.step()
                                        + " of job "
                                        + o.job()
                                        + " "
                                        + StepKinds.describe(step)
                                        + "; only run steps take run or timeout-minutes overrides");
                    }
                    b.replaceStep(
                            o.step(),
                            new RunStep(
                                    r.id(),
                                    r.name(),
                                    r.condition(),
                                    r.env(),
                                    r.continueOnError(),
                                    o.timeoutMinutes() != null
                                            ? o.timeoutMinutes()
                                            : r.timeoutMinutes(),
                                    r.background(),
                                    o.run() != null ? o.run() : r.run(),
                                    r.shell(),
                                    r.workingDirectory(),
                                    r.custom()));
                }
            }
        }
        return w.toBuilder().replaceJob(b.build()).build();
    }

    /**
     * "did you mean 'test'?" when one known id is a likely typo's target, else the list of known
     * ids.
     */
    private static String hint(String typed, List<String> known, String what) {
        return ClosestName.to(typed, known)
                .map(k -> "did you mean '" + k + "'?")
                .orElse(what + ": " + known);
    }
}
