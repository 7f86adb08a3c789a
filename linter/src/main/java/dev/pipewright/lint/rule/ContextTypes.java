package dev.pipewright.lint.rule;

import dev.pipewright.github.expr.Type;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.audit.Triggers;
import dev.pipewright.lint.data.PopularActions;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the typed contexts ({@code github}, {@code inputs}, {@code needs}, {@code steps}, {@code
 * matrix}...) of a position.
 */
final class ContextTypes {
    /**
     * Event-independent properties of {@code github}; {@code event} is an object whose properties
     * depend on the trigger, so only its {@code inputs} are typed, from the workflow_dispatch
     * inputs.
     */
    private static final List<String> GITHUB =
            List.of(
                    "action",
                    "action_path",
                    "action_ref",
                    "action_repository",
                    "action_status",
                    "actor",
                    "actor_id",
                    "api_url",
                    "base_ref",
                    "env",
                    "event_name",
                    "event_path",
                    "graphql_url",
                    "head_ref",
                    "job",
                    "job_workflow_sha",
                    "output",
                    "path",
                    "ref",
                    "ref_name",
                    "ref_protected",
                    "ref_type",
                    "repository",
                    "repository_id",
                    "repository_owner",
                    "repository_owner_id",
                    "repositoryUrl",
                    "retention_days",
                    "run_id",
                    "run_number",
                    "run_attempt",
                    "secret_source",
                    "server_url",
                    "sha",
                    "state",
                    "step_summary",
                    "token",
                    "triggering_actor",
                    "workflow",
                    "workflow_ref",
                    "workflow_sha",
                    "workspace");

    /**
     * The contexts that do not depend on the workflow, built once: types are immutable and shared.
     */
    private static final Type GITHUB_TYPE = github(Type.Obj.loose(Type.ANY));

    private static final Type LOOSE_STRING = Type.Obj.loose(Type.STRING);
    private static final Type LOOSE_ANY = Type.Obj.loose(Type.ANY);
    private static final Type EMPTY = Type.Obj.strict(Map.of());
    private static final Type STRATEGY =
            Type.Obj.strict(
                    Map.of(
                            "fail-fast",
                            Type.BOOL,
                            "job-index",
                            Type.NUMBER,
                            "job-total",
                            Type.NUMBER,
                            "max-parallel",
                            Type.NUMBER));
    private static final Type RUNNER =
            Type.Obj.strict(
                    Map.of(
                            "name",
                            Type.STRING,
                            "os",
                            Type.STRING,
                            "arch",
                            Type.STRING,
                            "temp",
                            Type.STRING,
                            "tool_cache",
                            Type.STRING,
                            "debug",
                            Type.STRING,
                            "environment",
                            Type.STRING));
    // the job context's documented fields are typed; newer ones (job.workflow_*) stay open
    private static final Type JOB =
            new Type.Obj(
                    Map.of(
                            "status",
                            Type.STRING,
                            "check_run_id",
                            Type.NUMBER,
                            "container",
                            Type.Obj.strict(Map.of("id", Type.STRING, "network", Type.STRING)),
                            "services",
                            Type.Obj.loose(
                                    Type.Obj.strict(
                                            Map.of(
                                                    "id",
                                                    Type.STRING,
                                                    "network",
                                                    Type.STRING,
                                                    "ports",
                                                    Type.Obj.loose(Type.STRING))))),
                    Type.ANY);
    private static final Type JOBS =
            Type.Obj.loose(
                    Type.Obj.strict(
                            Map.of("result", Type.STRING, "outputs", Type.Obj.loose(Type.STRING))));

    private ContextTypes() {}

    private static Type github(Type event) {
        Map<String, Type> github = new LinkedHashMap<>();
        GITHUB.forEach(p -> github.put(p, Type.STRING));
        github.put("event", event);
        github.put("run_id", Type.STRING);
        github.put("ref_protected", Type.BOOL);
        github.put("retention_days", Type.NUMBER);
        return Type.Obj.strict(github);
    }

    static Map<String, Type> workflowLevel(Workflow wf, LintConfig config, LocalFiles local) {
        Map<String, Type> m = new LinkedHashMap<>();
        Type dispatch = dispatchInputs(wf);
        m.put(
                "github",
                dispatch == null
                        ? GITHUB_TYPE
                        : github(new Type.Obj(Map.of("inputs", dispatch), Type.ANY)));
        m.put("env", LOOSE_STRING);
        m.put("secrets", secrets(wf));
        if (config.configVariables() == null) {
            m.put("vars", LOOSE_STRING);
        } else {
            Map<String, Type> vars = new LinkedHashMap<>();
            config.configVariables().forEach(v -> vars.put(v, Type.STRING));
            m.put("vars", Type.Obj.strict(vars));
        }
        m.put("inputs", inputs(wf));
        m.put("strategy", STRATEGY);
        m.put("runner", RUNNER);
        m.put("job", JOB);
        m.put("jobs", jobs(wf, local));
        m.put("needs", EMPTY);
        m.put("matrix", EMPTY);
        m.put("steps", EMPTY);
        return m;
    }

    /**
     * The secrets a caller passes whatever the workflow declares: its token and the two debug
     * switches (actionlint's list; GitHub rejects these names under {@code
     * on.workflow_call.secrets}).
     */
    private static final Map<String, Type> CALLER_SECRETS =
            Map.of(
                    "GITHUB_TOKEN",
                    Type.STRING,
                    "ACTIONS_STEP_DEBUG",
                    Type.STRING,
                    "ACTIONS_RUNNER_DEBUG",
                    Type.STRING);

    /**
     * {@code secrets} of a workflow that only runs when called ({@code workflow_call} its only
     * trigger) and declares {@code on.workflow_call.secrets} (an empty {@code secrets:} declares
     * none): those secrets and {@link #CALLER_SECRETS}, as actionlint types it; any other name is
     * empty unless every caller passes {@code secrets: inherit}. Elsewhere any name: without a
     * declaration a called workflow relies on inherit, and on other triggers (which actionlint does
     * not tell apart) the repository's own secrets are there.
     */
    private static Type secrets(Workflow wf) {
        if (!Triggers.onlyCalled(wf)) {
            return LOOSE_STRING;
        }
        YMap call = wf.on().flatMap(on -> on.map("workflow_call")).orElse(null);
        YNode declared = call == null ? null : call.get("secrets").orElse(null);
        if (declared == null) {
            return LOOSE_STRING;
        }
        Map<String, Type> secrets = new LinkedHashMap<>(CALLER_SECRETS);
        if (declared instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                if (e.key().hasExpression()) {
                    return LOOSE_STRING;
                }
                secrets.put(e.key().value(), Type.STRING);
            }
        } else if (!(declared instanceof YScalar sc && sc.isNull())) {
            return LOOSE_STRING; // not a mapping: the schema check reports it
        }
        return Type.Obj.strict(secrets);
    }

    /**
     * {@code github.event.inputs} of a workflow run only by workflow_dispatch: its declared inputs,
     * all strings in the event payload whatever their type (other events have none); null when the
     * workflow is also callable, since a called workflow sees its caller's event.
     */
    private static Type dispatchInputs(Workflow wf) {
        YMap on = wf.on().orElse(null);
        if (on == null
                || on.get("workflow_call").isPresent()
                || !(on.get("workflow_dispatch").orElse(null) instanceof YMap d)) {
            return null;
        }
        YMap inputs = d.map("inputs").orElse(null);
        if (inputs == null) {
            return null;
        }
        Map<String, Type> in = new LinkedHashMap<>();
        for (YMap.Entry e : inputs.entries()) {
            if (e.key().hasExpression()) {
                return null;
            }
            in.put(e.key().value(), Type.STRING);
        }
        return Type.Obj.strict(in);
    }

    private static Type inputs(Workflow wf) {
        Map<String, Type> in = new LinkedHashMap<>();
        boolean[] dynamic = {false};
        wf.on()
                .ifPresent(
                        on -> {
                            for (String trigger : List.of("workflow_call", "workflow_dispatch")) {
                                on.map(trigger)
                                        .flatMap(t -> t.map("inputs"))
                                        .ifPresent(
                                                inputs ->
                                                        inputs.entries()
                                                                .forEach(
                                                                        e -> {
                                                                            dynamic[0] |=
                                                                                    e.key()
                                                                                            .hasExpression();
                                                                            String type =
                                                                                    e.value()
                                                                                                    instanceof
                                                                                                    YMap
                                                                                                            im
                                                                                            ? im.string(
                                                                                                            "type")
                                                                                                    .orElse(
                                                                                                            "string")
                                                                                            : "string";
                                                                            in.put(
                                                                                    e.key().value(),
                                                                                    switch (type) {
                                                                                        case "boolean" ->
                                                                                                Type
                                                                                                        .BOOL;
                                                                                        case "number" ->
                                                                                                Type
                                                                                                        .NUMBER;
                                                                                        default ->
                                                                                                Type
                                                                                                        .STRING;
                                                                                    });
                                                                        }));
                            }
                        });
        return dynamic[0] ? Type.Obj.loose(Type.ANY) : Type.Obj.strict(in);
    }

    /**
     * {@code jobs} in a reusable workflow's outputs: its jobs, each with the outputs it declares.
     */
    private static Type jobs(Workflow wf, LocalFiles local) {
        Map<String, Type> jobs = new LinkedHashMap<>();
        for (Workflow.Job j : wf.jobs()) {
            if (j.id().hasExpression()) {
                return JOBS;
            }
            jobs.put(
                    j.id().value(),
                    Type.Obj.strict(Map.of("result", Type.STRING, "outputs", outputs(j, local))));
        }
        return Type.Obj.strict(jobs);
    }

    static void forJob(Map<String, Type> m, Workflow wf, Workflow.Job job, LocalFiles local) {
        Map<String, Type> needs = new LinkedHashMap<>();
        for (YScalar need : job.body().get("needs").map(Nodes::scalars).orElse(List.of())) {
            if (need.hasExpression()) {
                m.put("needs", Type.Obj.loose(Type.ANY));
                break;
            }
            wf.jobs().stream()
                    .filter(j -> j.id().value().equalsIgnoreCase(need.value()))
                    .findFirst()
                    .ifPresent(
                            j ->
                                    needs.put(
                                            j.id().value(),
                                            Type.Obj.strict(
                                                    Map.of(
                                                            "result",
                                                            Type.STRING,
                                                            "outputs",
                                                            outputs(j, local)))));
        }
        if (m.get("needs") instanceof Type.Obj o && o.rest() == null) {
            m.put("needs", Type.Obj.strict(needs));
        }
        m.put("matrix", matrix(job, m));
    }

    private static Type outputs(Workflow.Job job, LocalFiles local) {
        if (job.isCall()) {
            return callOutputs(job, local);
        }
        return job.body()
                .map("outputs")
                .map(
                        o -> {
                            Map<String, Type> out = new LinkedHashMap<>();
                            for (YMap.Entry e : o.entries()) {
                                if (e.key().hasExpression()) {
                                    return (Type) Type.Obj.loose(Type.STRING);
                                }
                                out.put(e.key().value(), Type.STRING);
                            }
                            return (Type) Type.Obj.strict(out);
                        })
                .orElse(Type.Obj.strict(Map.of()));
    }

    /**
     * A reusable workflow declares its outputs under {@code on.workflow_call.outputs}: a local one,
     * or another repository's when the configuration's {@code reusable-workflows:} names a copy;
     * other remote ones are not read.
     */
    private static Type callOutputs(Workflow.Job job, LocalFiles local) {
        String uses = job.body().string("uses").orElse("");
        Path copy = local.configuredWorkflow(uses).orElse(null);
        if (copy != null || (LocalFiles.isLocal(uses) && !uses.contains("${{"))) {
            Path file = copy != null ? copy : local.workflow(uses).file();
            WorkflowCallSpec spec =
                    file == null ? null : local.read(file).map(WorkflowCallSpec::of).orElse(null);
            if (spec != null && spec.callable() && !spec.dynamic()) {
                Map<String, Type> out = new LinkedHashMap<>();
                spec.outputs().forEach(o -> out.put(o, Type.STRING));
                return Type.Obj.strict(out);
            }
        }
        return Type.Obj.loose(Type.STRING);
    }

    private static Type matrix(Workflow.Job job, Map<String, Type> contexts) {
        YNode strategy = job.body().get("strategy").orElse(null);
        if (strategy == null) {
            return Type.Obj.strict(Map.of());
        }
        if (!(strategy instanceof YMap s)) {
            return Type.ANY;
        }
        YNode matrix = s.get("matrix").orElse(null);
        if (matrix == null) {
            return Type.Obj.strict(Map.of());
        }
        return matrix instanceof YMap mm ? new MatrixTypes(contexts).of(mm) : Type.ANY;
    }

    /**
     * {@code steps} at each step of a job (the earlier steps that have ids), and after the last:
     * element {@code k} is the context of {@code job.steps().get(k)}, the last element the job's
     * own (for its {@code outputs:}). Built in one pass, so each step's outputs are looked up once.
     */
    static List<Type> steps(Workflow.Job job, LocalFiles local) {
        List<Type> out = new ArrayList<>(job.steps().size() + 1);
        Map<String, Type> steps = new LinkedHashMap<>();
        boolean dynamic = false;
        for (Workflow.Step s : job.steps()) {
            out.add(dynamic ? LOOSE_ANY : Type.Obj.strict(steps));
            if (dynamic) {
                continue;
            }
            // a parallel group's steps run before the steps after the group, so their ids are in
            // scope there
            List<Workflow.Step> group = new ArrayList<>();
            YNode parallel = s.body().get("parallel").orElse(null);
            if (parallel instanceof YSeq seq) {
                for (YNode n : seq.items()) {
                    if (n instanceof YMap m) {
                        group.add(new Workflow.Step(s.jobId(), s.index(), m));
                    }
                }
            } else {
                group.add(s);
            }
            for (Workflow.Step g : group) {
                YScalar id = g.body().scalar("id").orElse(null);
                if (id == null || id.isNull()) {
                    continue;
                }
                if (id.hasExpression()) {
                    dynamic = true;
                    break;
                }
                steps.put(
                        id.value(),
                        Type.Obj.strict(
                                Map.of(
                                        "outputs",
                                        stepOutputs(g, local),
                                        "outcome",
                                        Type.STRING,
                                        "conclusion",
                                        Type.STRING)));
            }
        }
        out.add(dynamic ? LOOSE_ANY : Type.Obj.strict(steps));
        return out;
    }

    private static Type stepOutputs(Workflow.Step s, LocalFiles local) {
        String uses = s.uses().map(YScalar::value).orElse("").strip();
        ActionSpec spec = null;
        if (LocalFiles.isLocal(uses) && !uses.contains("${{")) {
            LocalFiles.Lookup found = local.action(uses);
            spec =
                    found.file() == null
                            ? null
                            : local.read(found.file()).map(ActionSpec::of).orElse(null);
        } else if (uses.indexOf('@') > 0) {
            PopularActions.Meta meta =
                    PopularActions.ACTIONS.get(
                            uses.substring(0, uses.indexOf('@')).toLowerCase(Locale.ROOT));
            spec = meta == null ? null : ActionSpec.of(meta);
        }
        // Actions may set outputs they do not declare; only a declared, current list is trusted.
        // An older list still tells a typo of a declared name ("cache_hit" for "cache-hit").
        if (spec != null && !spec.outputs().isEmpty()) {
            Map<String, Type> out = new LinkedHashMap<>();
            spec.outputs().forEach(o -> out.put(o, Type.STRING));
            return spec.complete() ? Type.Obj.strict(out) : new Type.Obj(out, Type.STRING);
        }
        return Type.Obj.loose(Type.STRING);
    }
}
