package dev.pipewright.model.validation;

import dev.pipewright.model.CallJob;
import dev.pipewright.model.CancelStep;
import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Container;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.RunsOn;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.WaitAllStep;
import dev.pipewright.model.WaitStep;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.ActivityTrigger;
import dev.pipewright.model.trigger.CustomTrigger;
import dev.pipewright.model.trigger.PullRequest;
import dev.pipewright.model.trigger.Push;
import dev.pipewright.model.trigger.Schedule;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.model.trigger.WorkflowCall;
import dev.pipewright.model.trigger.WorkflowDispatch;
import dev.pipewright.model.trigger.WorkflowRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists every string of a workflow that may contain expressions, with the contexts allowed there.
 */
final class ExpressionSites {
    private final List<ExpressionSite> sites = new ArrayList<>();

    private ExpressionSites() {}

    static List<ExpressionSite> of(Workflow w, Where where) {
        ExpressionSites s = new ExpressionSites();
        s.workflow(w, where);
        return s.sites;
    }

    private void add(Where where, String key, Object text, Availability a, Job job) {
        if (text instanceof String str) {
            sites.add(ExpressionSite.of(where, key, str, a, job));
        }
    }

    private void workflow(Workflow w, Where where) {
        add(where.key("run-name"), "run-name", w.runName(), Availability.WORKFLOW_RUN_NAME, null);
        w.env()
                .forEach(
                        (k, v) ->
                                add(
                                        where.key("env." + k),
                                        "env",
                                        v,
                                        Availability.WORKFLOW_ENV,
                                        null));
        concurrency(w.concurrency(), where, Availability.WORKFLOW_CONCURRENCY, null);
        for (Trigger t : w.on()) {
            t.accept(new TriggerSites(where));
        }
        for (Job job : w.jobs()) {
            job(job, where.job(job.id()));
        }
    }

    private void concurrency(Concurrency c, Where at, Availability a, Job job) {
        if (c != null) {
            add(at.key("concurrency"), "concurrency", c.group(), a, job);
            add(at.key("concurrency"), "concurrency", c.cancelInProgress(), a, job);
        }
    }

    private void job(Job job, Where at) {
        if (job.condition() != null) {
            sites.add(
                    new ExpressionSite(
                            at.key("if"),
                            "if",
                            job.condition(),
                            Availability.JOB_IF,
                            true,
                            job,
                            -1));
        }
        add(at.key("name"), "name", job.name(), Availability.JOB_MATRIX, job);
        concurrency(job.concurrency(), at, Availability.JOB_MATRIX, job);
        if (job.strategy() != null) {
            Availability a = Availability.JOB_STRATEGY;
            add(at.key("strategy"), "strategy", job.strategy().failFast(), a, job);
            add(at.key("strategy"), "strategy", job.strategy().maxParallel(), a, job);
            add(at.key("strategy.matrix"), "matrix", job.strategy().matrix().expression(), a, job);
            job.strategy()
                    .matrix()
                    .axes()
                    .forEach((k, v) -> add(at.key("strategy.matrix." + k), "matrix", v, a, job));
        }
        job.accept(
                new Job.Visitor<Void>() {
                    @Override
                    public Void visit(NormalJob n) {
                        normal(n, at);
                        return null;
                    }

                    @Override
                    public Void visit(CallJob c) {
                        c.with()
                                .forEach(
                                        (k, v) ->
                                                add(
                                                        at.key("with." + k),
                                                        "with",
                                                        v,
                                                        Availability.CALL_WITH,
                                                        c));
                        c.secrets()
                                .forEach(
                                        (k, v) ->
                                                add(
                                                        at.key("secrets." + k),
                                                        "secrets",
                                                        v,
                                                        Availability.CALL_SECRETS,
                                                        c));
                        return null;
                    }
                });
    }

    private void normal(NormalJob job, Where at) {
        Availability m = Availability.JOB_MATRIX;
        job.runsOn()
                .accept(
                        new RunsOn.Visitor<Void>() {
                            @Override
                            public Void visit(RunsOn.Labels l) {
                                l.labels()
                                        .forEach(v -> add(at.key("runs-on"), "runs-on", v, m, job));
                                return null;
                            }

                            @Override
                            public Void visit(RunsOn.Group g) {
                                add(at.key("runs-on"), "runs-on", g.group(), m, job);
                                g.labels()
                                        .forEach(v -> add(at.key("runs-on"), "runs-on", v, m, job));
                                return null;
                            }

                            // written as given: its shape is the author's, so it has no key the
                            // model knows to check
                            @Override
                            public Void visit(RunsOn.Custom c) {
                                return null;
                            }
                        });
        if (job.environment() != null) {
            add(at.key("environment"), "environment", job.environment().name(), m, job);
            add(
                    at.key("environment.url"),
                    "environment.url",
                    job.environment().url(),
                    Availability.ENVIRONMENT_URL,
                    job);
        }
        add(at.key("timeout-minutes"), "timeout-minutes", job.timeoutMinutes(), m, job);
        add(
                at.key("cancel-timeout-minutes"),
                "cancel-timeout-minutes",
                job.cancelTimeoutMinutes(),
                m,
                job);
        if (job.snapshot() != null && job.snapshot().condition() != null) {
            sites.add(
                    new ExpressionSite(
                            at.key("snapshot.if"),
                            "snapshot.if",
                            job.snapshot().condition(),
                            m,
                            true,
                            job,
                            -1));
        }
        add(at.key("continue-on-error"), "continue-on-error", job.continueOnError(), m, job);
        job.env().forEach((k, v) -> add(at.key("env." + k), "env", v, Availability.JOB_ENV, job));
        job.outputs()
                .forEach(
                        (k, v) ->
                                add(
                                        at.key("outputs." + k),
                                        "outputs",
                                        v,
                                        Availability.JOB_OUTPUTS,
                                        job));
        if (job.defaults() != null) {
            add(
                    at.key("defaults.run"),
                    "defaults",
                    job.defaults().shell(),
                    Availability.JOB_DEFAULTS,
                    job);
            add(
                    at.key("defaults.run"),
                    "defaults",
                    job.defaults().workingDirectory(),
                    Availability.JOB_DEFAULTS,
                    job);
        }
        container(job.container(), at.key("container"), job);
        job.services().forEach((id, s) -> container(s, at.key("services." + id), job));
        for (int i = 0; i < job.steps().size(); i++) {
            Step s = job.steps().get(i);
            s.accept(new StepSites(at.step(i + 1, s.id()), job, i));
        }
    }

    private void container(Container c, Where at, Job job) {
        if (c == null) {
            return;
        }
        Availability m = Availability.JOB_MATRIX;
        add(at, "image", c.image(), m, job);
        add(at, "options", c.options(), m, job);
        c.env()
                .forEach(
                        (k, v) ->
                                add(at.key("env." + k), "env", v, Availability.CONTAINER_ENV, job));
        if (c.credentials() != null) {
            add(
                    at.key("credentials"),
                    "credentials",
                    c.credentials().username(),
                    Availability.CREDENTIALS,
                    job);
            add(
                    at.key("credentials"),
                    "credentials",
                    c.credentials().password(),
                    Availability.CREDENTIALS,
                    job);
        }
    }

    /**
     * Only workflow_call has values GitHub evaluates (its outputs); the other events' keys are
     * plain filters.
     */
    private final class TriggerSites implements Trigger.Visitor<Void> {
        private final Where where;

        TriggerSites(Where where) {
            this.where = where;
        }

        @Override
        public Void visit(WorkflowCall call) {
            call.outputs()
                    .forEach(
                            (k, o) ->
                                    add(
                                            where.key("on.workflow_call.outputs." + k),
                                            "value",
                                            o.value(),
                                            Availability.WORKFLOW_CALL_OUTPUT,
                                            null));
            return null;
        }

        @Override
        public Void visit(Push push) {
            return null;
        }

        @Override
        public Void visit(PullRequest pullRequest) {
            return null;
        }

        @Override
        public Void visit(Schedule schedule) {
            return null;
        }

        @Override
        public Void visit(WorkflowDispatch dispatch) {
            return null;
        }

        @Override
        public Void visit(WorkflowRun run) {
            return null;
        }

        @Override
        public Void visit(ActivityTrigger activity) {
            return null;
        }

        @Override
        public Void visit(CustomTrigger custom) {
            return null;
        }
    }

    /** The strings of one step; a {@code parallel:} block's are those of its steps. */
    private final class StepSites implements Step.Visitor<Void> {
        private final Where at;
        private final Job job;
        private final int index;

        StepSites(Where at, Job job, int index) {
            this.at = at;
            this.job = job;
            this.index = index;
        }

        @Override
        public Void visit(RunStep r) {
            return strings(
                    r,
                    List.of(
                            new Object[] {"run", r.run()},
                            new Object[] {"shell", r.shell()},
                            new Object[] {"working-directory", r.workingDirectory()}));
        }

        @Override
        public Void visit(UsesStep u) {
            List<Object[]> with = new ArrayList<>();
            for (Map.Entry<String, Object> e : u.with().entrySet()) {
                with.add(new Object[] {"with." + e.getKey(), e.getValue()});
            }
            return strings(u, with);
        }

        // wait and cancel name step ids, which GitHub does not evaluate
        @Override
        public Void visit(WaitStep wait) {
            return strings(wait, List.of());
        }

        @Override
        public Void visit(WaitAllStep waitAll) {
            return strings(waitAll, List.of());
        }

        @Override
        public Void visit(CancelStep cancel) {
            return strings(cancel, List.of());
        }

        @Override
        public Void visit(ParallelStep parallel) {
            for (int k = 0; k < parallel.steps().size(); k++) {
                Step child = parallel.steps().get(k);
                child.accept(
                        new StepSites(
                                at.key(
                                        "parallel step "
                                                + (k + 1)
                                                + (child.id() == null
                                                        ? ""
                                                        : " (id: " + child.id() + ")")),
                                job,
                                index));
            }
            return null;
        }

        /** The keys every step has, then the kind's own {@code {key, value}} pairs. */
        private Void strings(Step step, List<Object[]> own) {
            if (step.condition() != null) {
                sites.add(
                        new ExpressionSite(
                                at.key("if"),
                                "if",
                                step.condition(),
                                Availability.STEP_IF,
                                true,
                                job,
                                index));
            }
            List<Object[]> values = new ArrayList<>();
            values.add(new Object[] {"name", step.name()});
            values.add(new Object[] {"continue-on-error", step.continueOnError()});
            values.add(new Object[] {"timeout-minutes", step.timeoutMinutes()});
            step.env().forEach((k, v) -> values.add(new Object[] {"env." + k, v}));
            values.addAll(own);
            for (Object[] v : values) {
                if (v[1] instanceof String s) {
                    sites.add(
                            new ExpressionSite(
                                    at.key((String) v[0]),
                                    (String) v[0],
                                    s,
                                    Availability.STEP,
                                    false,
                                    job,
                                    index));
                }
            }
            return null;
        }
    }
}
