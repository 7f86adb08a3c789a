package dev.pipewright.emit;

import dev.pipewright.model.ActionRef;
import dev.pipewright.model.CallJob;
import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Container;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Job;
import dev.pipewright.model.JobBuilder;
import dev.pipewright.model.Matrix;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunDefaults;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.RunsOn;
import dev.pipewright.model.Step;
import dev.pipewright.model.StepBuilder;
import dev.pipewright.model.Strategy;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.CustomTrigger;
import dev.pipewright.model.trigger.DispatchInput;
import dev.pipewright.model.trigger.EventCatalog;
import dev.pipewright.model.trigger.InputType;
import dev.pipewright.model.trigger.Schedule;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.model.trigger.TriggerBuilder;
import dev.pipewright.model.trigger.WorkflowCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random valid workflows for property tests: every trigger kind, job graphs, and nasty strings
 * everywhere.
 */
final class RandomWorkflows {
    /** Fragments that stress quoting; a value is one to three of them joined. */
    static final List<String> NASTY =
            List.of(
                    "3.10",
                    "0755",
                    "0x1F",
                    "1e3",
                    ".inf",
                    "12:30",
                    "yes",
                    "no",
                    "on",
                    "off",
                    "y",
                    "true",
                    "null",
                    "~",
                    "",
                    " ",
                    ": ",
                    " #",
                    "#",
                    "a: b",
                    "a #b",
                    " lead",
                    "trail ",
                    "\t",
                    "tab\tinside",
                    "\n",
                    "multi\nline",
                    "line\n",
                    "  indented\n",
                    "x\n\n",
                    "ünïcödé",
                    "emoji 😀",
                    "'",
                    "\"",
                    "it's",
                    "say \"hi\"",
                    "back\\slash",
                    "${{ github.sha }}",
                    "${{ github.ref == 'refs/heads/main' }}",
                    "${{ format('{0}', 'x') }}",
                    "- x",
                    "? x",
                    "[x]",
                    "{x}",
                    "*x",
                    "&x",
                    "!x",
                    "@x",
                    "`x",
                    "%x",
                    "|",
                    ">",
                    "---",
                    "...",
                    "-",
                    "plain",
                    "word",
                    "echo hello",
                    "2001-12-14",
                    "+1",
                    "-0",
                    "<<",
                    "=",
                    "0o14",
                    ".5",
                    "1_000",
                    "trailing spaces   \nline\n",
                    "a\r\nb",
                    "\u00A0nbsp",
                    "\u2028");

    static final List<String> KEYS =
            List.of(
                    "a",
                    "KEY",
                    "node-version",
                    "3.10",
                    "yes",
                    "on",
                    "x y",
                    "ünï",
                    "with:colon",
                    "#hash",
                    "'q'",
                    "0755",
                    "true",
                    "null",
                    "-dash",
                    "_u");
    static final List<String> SAFE_CONDITIONS =
            List.of(
                    "success()",
                    "always()",
                    "!cancelled()",
                    "${{ failure() }}",
                    "github.event_name == 'push'",
                    "${{ github.ref == 'refs/heads/main' && github.event_name != 'x: y' }}",
                    "contains(github.ref, 'it''s')",
                    "  !contains(github.ref, '}}')");
    static final List<String> LABELS =
            List.of(
                    "ubuntu-latest",
                    "ubuntu-24.04",
                    "windows-latest",
                    "macos-latest",
                    "self-hosted",
                    "linux",
                    "x64",
                    "gpu");
    static final List<String> IDS =
            List.of(
                    "build", "test", "lint", "deploy", "Package", "_docs", "e2e-1", "on", "yes",
                    "_3", "true");

    private final Random r;

    RandomWorkflows(long seed) {
        r = new Random(seed);
    }

    Workflow next() {
        Workflow.Builder w = Workflow.builder("random.yml");
        if (r.nextBoolean()) {
            w.name(string());
        }
        if (r.nextInt(3) == 0) {
            w.runName(string());
        }
        triggers(w);
        if (r.nextBoolean()) {
            w.permissions(permissions());
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            w.env(key(), r.nextInt(4) == 0 ? "${{ secrets.TOKEN }}" : string());
        }
        if (r.nextInt(3) == 0) {
            w.defaults(defaults());
        }
        if (r.nextInt(3) == 0) {
            w.concurrency(concurrency());
        }
        jobs(w);
        if (r.nextInt(4) == 0) {
            w.custom("x-custom", customValue(2));
        }
        return w.build();
    }

    // ---- triggers

    private void triggers(Workflow.Builder w) {
        List<Supplier<TriggerBuilder>> kinds =
                new ArrayList<>(
                        List.of(
                                this::push,
                                this::pullRequest,
                                this::schedule,
                                this::dispatch,
                                this::call,
                                this::workflowRun,
                                () ->
                                        Trigger.release()
                                                .types(
                                                        pick(
                                                                List.of(
                                                                        "published",
                                                                        "created",
                                                                        "released"))),
                                () ->
                                        Trigger.mergeGroup()
                                                .types("checks_requested")
                                                .branches(string()),
                                () -> Trigger.repositoryDispatch().types(string(), "deploy"),
                                () -> Trigger.event("issues").types("opened", "labeled"),
                                () ->
                                        Trigger.event(
                                                pick(
                                                        List.of(
                                                                "create",
                                                                "delete",
                                                                "fork",
                                                                "gollum",
                                                                "page_build",
                                                                "public",
                                                                "status"))),
                                () ->
                                        Trigger.event("image_version")
                                                .filter("names", string())
                                                .filter("versions", "1.*"),
                                () ->
                                        new CustomTrigger(
                                                "future_event",
                                                Map.of("types", List.of(string()), "flag", true))));
        Collections.shuffle(kinds, r);
        int n = 1 + r.nextInt(4);
        for (Supplier<TriggerBuilder> k : kinds.subList(0, n)) {
            w.on(k.get());
        }
    }

    private TriggerBuilder push() {
        var p = Trigger.push();
        switch (r.nextInt(3)) {
            case 0 -> p.branches(strings(3));
            case 1 -> p.branchesIgnore(strings(2));
            default -> {}
        }
        if (r.nextBoolean()) {
            if (r.nextBoolean()) {
                p.tags(strings(2));
            } else {
                p.tagsIgnore(strings(2));
            }
        }
        if (r.nextBoolean()) {
            if (r.nextBoolean()) {
                p.paths(strings(3));
            } else {
                p.pathsIgnore(strings(3));
            }
        }
        return p;
    }

    private TriggerBuilder pullRequest() {
        var pr = r.nextBoolean() ? Trigger.pullRequest() : Trigger.pullRequestTarget();
        if (r.nextBoolean()) {
            List<String> types = EventCatalog.find("pull_request").orElseThrow().activityTypes();
            pr.types(pick(types), pick(types));
        }
        if (r.nextBoolean()) {
            pr.branches(strings(2));
        } else if (r.nextBoolean()) {
            pr.branchesIgnore(strings(2));
        }
        if (r.nextBoolean()) {
            pr.paths(strings(2));
        } else if (r.nextBoolean()) {
            pr.pathsIgnore(strings(2));
        }
        return pr;
    }

    private TriggerBuilder schedule() {
        List<String> crons =
                List.of(
                        "0 0 * * *",
                        "*/15 * * * *",
                        "30 5 1,15 * *",
                        "0 9-17/2 * * MON-FRI",
                        "0 0 31 DEC *",
                        "59 23 * jan-jun sun");
        List<Schedule.Cron> list = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            Schedule.Cron c = Schedule.Cron.of(pick(crons));
            list.add(
                    r.nextBoolean()
                            ? c.inTimezone(
                                    pick(List.of("Europe/Berlin", "America/New_York", "UTC")))
                            : c);
        }
        return new Schedule(list);
    }

    private TriggerBuilder dispatch() {
        var d = Trigger.workflowDispatch();
        for (int i = r.nextInt(5); i > 0; i--) {
            DispatchInput in =
                    switch (r.nextInt(5)) {
                        case 0 ->
                                r.nextBoolean()
                                        ? DispatchInput.string(maybe(this::string))
                                                .withDefault(string())
                                        : DispatchInput.string(null);
                        case 1 -> DispatchInput.bool(maybe(this::string), r.nextBoolean());
                        case 2 -> DispatchInput.number(string()).withDefault(r.nextInt(100));
                        case 3 -> {
                            String a = string();
                            yield DispatchInput.choice(string(), a, a, string() + "!", "3.10");
                        }
                        default -> DispatchInput.environment(string());
                    };
            d.input("in_" + i, r.nextBoolean() ? in.asRequired() : in);
        }
        return d;
    }

    private TriggerBuilder call() {
        var c = Trigger.workflowCall();
        for (int i = r.nextInt(4); i > 0; i--) {
            InputType type = pick(List.of(InputType.STRING, InputType.BOOLEAN, InputType.NUMBER));
            Object def =
                    switch (type) {
                        case BOOLEAN -> r.nextBoolean();
                        case NUMBER -> r.nextBoolean() ? (Object) r.nextInt(10) : (Object) 2.5;
                        default -> string();
                    };
            c.input(
                    "input" + i,
                    new WorkflowCall.Input(
                            maybe(this::string),
                            type,
                            r.nextBoolean(),
                            r.nextBoolean() ? def : null));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            c.output("out" + i, maybe(this::string), "${{ jobs.x.outputs.v" + i + " }}");
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            c.secret("SECRET_" + i, r.nextBoolean(), maybe(this::string));
        }
        return c;
    }

    private TriggerBuilder workflowRun() {
        var run = Trigger.workflowRun(strings(2));
        if (r.nextBoolean()) {
            run.types("completed", "requested");
        }
        if (r.nextBoolean()) {
            run.branches(strings(2));
        } else if (r.nextBoolean()) {
            run.branchesIgnore(strings(2));
        }
        return run;
    }

    // ---- jobs

    private void jobs(Workflow.Builder w) {
        List<String> ids = new ArrayList<>(IDS);
        Collections.shuffle(ids, r);
        int n = 1 + r.nextInt(5);
        List<String> made = new ArrayList<>();
        for (String id : ids.subList(0, n)) {
            List<String> needs = new ArrayList<>();
            for (String earlier : made) {
                if (r.nextInt(3) == 0) {
                    needs.add(earlier);
                }
            }
            w.job(r.nextInt(5) == 0 ? callJob(id, needs) : normalJob(id, needs));
            made.add(id);
        }
    }

    private Job callJob(String id, List<String> needs) {
        var c =
                CallJob.builder(
                        id,
                        r.nextBoolean()
                                ? "./.github/workflows/reusable.yml"
                                : "octo-org/shared/.github/workflows/build.yaml@v1");
        c.needs(needs.toArray(String[]::new));
        common(c, needs);
        for (int i = r.nextInt(3); i > 0; i--) {
            c.with(key(), scalarValue());
        }
        if (r.nextBoolean()) {
            c.inheritSecrets();
        } else {
            for (int i = r.nextInt(3); i > 0; i--) {
                c.secret("S" + i, "${{ secrets.S" + i + " }}");
            }
        }
        return c.build();
    }

    private void common(JobBuilder<?> b, List<String> needs) {
        if (r.nextBoolean()) {
            b.name(string());
        }
        if (r.nextInt(3) == 0) {
            b.ifCondition(
                    needs.isEmpty() || r.nextBoolean()
                            ? pick(SAFE_CONDITIONS)
                            : "needs." + pick(needs) + ".result == 'success'");
        }
        if (r.nextInt(4) == 0) {
            b.permissions(permissions());
        }
        if (r.nextInt(4) == 0) {
            b.concurrency(concurrency());
        }
        if (r.nextInt(3) == 0) {
            b.strategy(strategy());
        }
        if (r.nextInt(5) == 0) {
            b.custom("x-job-extra", customValue(2));
        }
    }

    private Job normalJob(String id, List<String> needs) {
        var j = NormalJob.builder(id).needs(needs.toArray(String[]::new));
        common(j, needs);
        j.runsOn(
                switch (r.nextInt(4)) {
                    case 0 -> RunsOn.label(pick(LABELS));
                    case 1 -> RunsOn.labels(pick(LABELS), pick(LABELS), string());
                    case 2 ->
                            RunsOn.group(
                                    string(),
                                    r.nextBoolean()
                                            ? new String[] {pick(LABELS)}
                                            : new String[] {"a", "b"});
                    default -> RunsOn.label("${{ matrix.os }}");
                });
        if (r.nextInt(3) == 0) {
            j.environment(
                    r.nextBoolean()
                            ? Environment.of(string())
                            : Environment.of(string(), string()));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            j.env(key(), string());
        }
        if (r.nextInt(3) == 0) {
            j.defaults(defaults());
        }
        if (r.nextInt(3) == 0) {
            if (r.nextBoolean()) {
                j.timeoutMinutes(1 + r.nextInt(360));
            } else {
                j.timeoutMinutes(Expr.raw("fromJSON(github.event.inputs.t || '30')"));
            }
        }
        if (r.nextInt(4) == 0) {
            j.continueOnError(r.nextBoolean());
        }
        if (r.nextInt(4) == 0) {
            j.container(container(false));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            j.service("svc" + i, container(true));
        }
        List<String> stepIds = new ArrayList<>();
        for (int i = 1 + r.nextInt(5); i > 0; i--) {
            j.step(step(stepIds));
        }
        if (!stepIds.isEmpty() && r.nextBoolean()) {
            j.output("result", "${{ steps." + pick(stepIds) + ".outputs.value }}");
        }
        if (r.nextBoolean()) {
            j.output(pick(KEYS), string());
        }
        return j.build();
    }

    private Step step(List<String> earlierIds) {
        StepBuilder<?> b;
        if (r.nextBoolean()) {
            RunStep.Builder run = Step.run(script());
            if (r.nextBoolean()) {
                run.shell(pick(List.of("bash", "pwsh", "python", "sh -eu {0}")));
            }
            if (r.nextInt(3) == 0) {
                run.workingDirectory(string());
            }
            b = run;
        } else {
            UsesStep.Builder uses =
                    switch (r.nextInt(4)) {
                        case 0 ->
                                Step.uses(
                                        ActionRef.pinned(
                                                "actions/checkout",
                                                "11bd71901bbe5b1630ceea73d27597364c9af683",
                                                "v4.2.2"));
                        case 1 -> Step.uses("./.github/actions/local");
                        case 2 -> Step.uses("docker://alpine:3.20");
                        default -> Step.uses("actions/setup-java@v4");
                    };
            for (int i = r.nextInt(4); i > 0; i--) {
                Object v = scalarValue();
                String k = key();
                if (v instanceof String s) {
                    uses.with(k, s);
                } else if (v instanceof Boolean bool) {
                    uses.with(k, bool);
                } else {
                    uses.with(k, ((Number) v).longValue());
                }
            }
            b = uses;
        }
        int ownId = 0;
        if (r.nextBoolean()) {
            ownId = 1;
            String id = "s" + earlierIds.size();
            b.id(id);
            earlierIds.add(id);
        }
        if (r.nextBoolean()) {
            b.name(string());
        }
        if (r.nextInt(3) == 0) {
            // ids of earlier steps only: this step's own id is the last entry when it has one
            List<String> earlier =
                    earlierIds.subList(0, earlierIds.size() - (b == null ? 0 : ownId));
            b.ifCondition(
                    !earlier.isEmpty() && r.nextBoolean()
                            ? "steps." + earlier.get(0) + ".outcome == 'success'"
                            : pick(SAFE_CONDITIONS));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.env(key(), r.nextInt(4) == 0 ? "${{ secrets.TOKEN }}" : string());
        }
        if (r.nextInt(4) == 0) {
            if (r.nextBoolean()) {
                b.continueOnError(r.nextBoolean());
            } else {
                b.continueOnError(Expr.raw("matrix.experimental == true"));
            }
        }
        if (r.nextInt(4) == 0) {
            b.timeoutMinutes(1 + r.nextInt(60));
        }
        if (r.nextInt(6) == 0) {
            b.custom("x-step-extra", customValue(1));
        }
        return b instanceof RunStep.Builder rb ? rb.build() : ((UsesStep.Builder) b).build();
    }

    private String script() {
        return switch (r.nextInt(4)) {
            case 0 -> string();
            case 1 -> "set -eu\n" + string() + "\necho done\n";
            case 2 -> "echo \"" + string() + "\"\n  indented line\n\n";
            default -> "make   \n\tbuild\n";
        };
    }

    // ---- pieces

    private Permissions permissions() {
        return switch (r.nextInt(4)) {
            case 0 -> Permissions.readAll();
            case 1 -> Permissions.writeAll();
            case 2 -> Permissions.none();
            default -> {
                Permissions.Scoped s = Permissions.none();
                for (int i = 1 + r.nextInt(4); i > 0; i--) {
                    PermissionScope scope = pick(PermissionScope.KNOWN);
                    s = s.with(scope, pick(new ArrayList<>(scope.levels())));
                }
                yield s;
            }
        };
    }

    private RunDefaults defaults() {
        return switch (r.nextInt(3)) {
            case 0 -> RunDefaults.shell("bash");
            case 1 -> RunDefaults.workingDirectory(string());
            default -> new RunDefaults("pwsh", string());
        };
    }

    private Concurrency concurrency() {
        String group = string() + "-${{ github.ref }}";
        return switch (r.nextInt(3)) {
            case 0 -> Concurrency.of(group);
            case 1 -> Concurrency.of(group, r.nextBoolean());
            default -> Concurrency.of(group, "${{ github.event_name == 'pull_request' }}");
        };
    }

    private Strategy strategy() {
        Matrix m;
        if (r.nextInt(5) == 0) {
            m = Matrix.fromExpression("${{ fromJSON(github.event.inputs.matrix) }}");
        } else {
            Matrix.Builder b = Matrix.builder();
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                if (r.nextInt(5) == 0) {
                    b.axisExpression(key(), "${{ fromJSON('[1, 2]') }}");
                } else {
                    b.axis(key(), scalarValue(), scalarValue());
                }
            }
            for (int i = r.nextInt(3); i > 0; i--) {
                b.include(entry());
            }
            for (int i = r.nextInt(2); i > 0; i--) {
                b.exclude(entry());
            }
            m = b.build();
        }
        Strategy s = Strategy.of(m);
        if (r.nextBoolean()) {
            s = s.failFast(r.nextBoolean());
        }
        if (r.nextBoolean()) {
            s = s.maxParallel(1 + r.nextInt(8));
        }
        return s;
    }

    private Map<String, Object> entry() {
        Map<String, Object> e = new LinkedHashMap<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            e.put(key(), scalarValue());
        }
        return e;
    }

    private Container container(boolean service) {
        Container c =
                Container.of(
                        pick(
                                List.of(
                                        "node:20",
                                        "postgres:16",
                                        "ghcr.io/o/img@sha256:abc",
                                        string())));
        if (r.nextBoolean()) {
            c =
                    c.withCredentials(
                            new Credentials("${{ github.actor }}", "${{ secrets.GITHUB_TOKEN }}"));
        }
        if (r.nextBoolean()) {
            c = c.withEnv(Map.of(key(), string()));
        }
        if (r.nextBoolean()) {
            c = c.withPorts("5432", "8080:80", string().isEmpty() ? "1" : "65535", "6379/tcp");
        }
        if (r.nextBoolean()) {
            c = c.withVolumes("/data:/data", string());
        }
        if (r.nextBoolean()) {
            c = c.withOptions("--health-cmd \"pg_isready\" " + string());
        }
        if (service && r.nextBoolean()) {
            c = c.withCommand(r.nextBoolean() ? "/bin/sh" : null, string());
        }
        return c;
    }

    private Object customValue(int depth) {
        return switch (depth <= 0 ? r.nextInt(3) : r.nextInt(5)) {
            case 0 -> string();
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt(1000) - 500;
            case 3 -> {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    l.add(customValue(depth - 1));
                }
                yield l;
            }
            default -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    m.put(key(), customValue(depth - 1));
                }
                yield m;
            }
        };
    }

    /** A with/matrix value: mostly nasty strings, sometimes a boolean, integer or decimal. */
    private Object scalarValue() {
        return switch (r.nextInt(6)) {
            case 0 -> r.nextBoolean();
            case 1 -> (long) (r.nextInt(2000) - 1000);
            default -> string();
        };
    }

    String string() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            sb.append(pick(NASTY));
        }
        return sb.toString();
    }

    private String[] strings(int max) {
        String[] l = new String[1 + r.nextInt(max)];
        for (int i = 0; i < l.length; i++) {
            l[i] = string();
        }
        return l;
    }

    private String key() {
        return r.nextInt(3) == 0
                ? string().replace("\n", " ").replace("\r", " ") + "_"
                : pick(KEYS);
    }

    private <T> T maybe(Supplier<T> s) {
        return r.nextBoolean() ? s.get() : null;
    }

    private <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
