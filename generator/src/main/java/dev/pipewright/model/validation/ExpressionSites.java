package dev.pipewright.model.validation;

import dev.pipewright.model.CallJob;
import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Container;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.RunsOn;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.model.trigger.WorkflowCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lists every string of a workflow that may contain expressions, with the contexts allowed there. */
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
        w.env().forEach((k, v) -> add(where.key("env." + k), "env", v, Availability.WORKFLOW_ENV, null));
        concurrency(w.concurrency(), where, Availability.WORKFLOW_CONCURRENCY, null);
        for (Trigger t : w.on()) {
            if (t instanceof WorkflowCall call) {
                call.outputs().forEach((k, o) -> add(where.key("on.workflow_call.outputs." + k), "value", o.value(),
                        Availability.WORKFLOW_CALL_OUTPUT, null));
            }
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
            sites.add(new ExpressionSite(at.key("if"), "if", job.condition(), Availability.JOB_IF, true, job, -1));
        }
        add(at.key("name"), "name", job.name(), Availability.JOB_MATRIX, job);
        concurrency(job.concurrency(), at, Availability.JOB_MATRIX, job);
        if (job.strategy() != null) {
            Availability a = Availability.JOB_STRATEGY;
            add(at.key("strategy"), "strategy", job.strategy().failFast(), a, job);
            add(at.key("strategy"), "strategy", job.strategy().maxParallel(), a, job);
            add(at.key("strategy.matrix"), "matrix", job.strategy().matrix().expression(), a, job);
            job.strategy().matrix().axes().forEach((k, v) -> add(at.key("strategy.matrix." + k), "matrix", v, a, job));
        }
        if (job instanceof NormalJob n) {
            normal(n, at);
        } else if (job instanceof CallJob c) {
            c.with().forEach((k, v) -> add(at.key("with." + k), "with", v, Availability.CALL_WITH, job));
            c.secrets().forEach((k, v) -> add(at.key("secrets." + k), "secrets", v, Availability.CALL_SECRETS, job));
        }
    }

    private void normal(NormalJob job, Where at) {
        Availability m = Availability.JOB_MATRIX;
        if (job.runsOn() instanceof RunsOn.Labels l) {
            l.labels().forEach(v -> add(at.key("runs-on"), "runs-on", v, m, job));
        } else if (job.runsOn() instanceof RunsOn.Group g) {
            add(at.key("runs-on"), "runs-on", g.group(), m, job);
            g.labels().forEach(v -> add(at.key("runs-on"), "runs-on", v, m, job));
        }
        if (job.environment() != null) {
            add(at.key("environment"), "environment", job.environment().name(), m, job);
            add(at.key("environment.url"), "environment.url", job.environment().url(), Availability.ENVIRONMENT_URL, job);
        }
        add(at.key("timeout-minutes"), "timeout-minutes", job.timeoutMinutes(), m, job);
        add(at.key("cancel-timeout-minutes"), "cancel-timeout-minutes", job.cancelTimeoutMinutes(), m, job);
        if (job.snapshot() != null && job.snapshot().condition() != null) {
            sites.add(new ExpressionSite(at.key("snapshot.if"), "snapshot.if", job.snapshot().condition(), m, true, job,
                    -1));
        }
        add(at.key("continue-on-error"), "continue-on-error", job.continueOnError(), m, job);
        job.env().forEach((k, v) -> add(at.key("env." + k), "env", v, Availability.JOB_ENV, job));
        job.outputs().forEach((k, v) -> add(at.key("outputs." + k), "outputs", v, Availability.JOB_OUTPUTS, job));
        if (job.defaults() != null) {
            add(at.key("defaults.run"), "defaults", job.defaults().shell(), Availability.JOB_DEFAULTS, job);
            add(at.key("defaults.run"), "defaults", job.defaults().workingDirectory(), Availability.JOB_DEFAULTS, job);
        }
        container(job.container(), at.key("container"), job);
        job.services().forEach((id, s) -> container(s, at.key("services." + id), job));
        for (int i = 0; i < job.steps().size(); i++) {
            Step s = job.steps().get(i);
            Where stepAt = at.step(i + 1, s.id());
            if (s instanceof ParallelStep p) {
                for (int k = 0; k < p.steps().size(); k++) {
                    Step child = p.steps().get(k);
                    step(child, stepAt.key("parallel step " + (k + 1) + (child.id() == null ? "" : " (id: "
                            + child.id() + ")")), job, i);
                }
            } else {
                step(s, stepAt, job, i);
            }
        }
    }

    private void container(Container c, Where at, Job job) {
        if (c == null) {
            return;
        }
        Availability m = Availability.JOB_MATRIX;
        add(at, "image", c.image(), m, job);
        add(at, "options", c.options(), m, job);
        c.env().forEach((k, v) -> add(at.key("env." + k), "env", v, Availability.CONTAINER_ENV, job));
        if (c.credentials() != null) {
            add(at.key("credentials"), "credentials", c.credentials().username(), Availability.CREDENTIALS, job);
            add(at.key("credentials"), "credentials", c.credentials().password(), Availability.CREDENTIALS, job);
        }
    }

    private void step(Step step, Where at, Job job, int index) {
        if (step.condition() != null) {
            sites.add(new ExpressionSite(at.key("if"), "if", step.condition(), Availability.STEP_IF, true, job, index));
        }
        List<Object[]> values = new ArrayList<>();
        values.add(new Object[] {"name", step.name()});
        values.add(new Object[] {"continue-on-error", step.continueOnError()});
        values.add(new Object[] {"timeout-minutes", step.timeoutMinutes()});
        step.env().forEach((k, v) -> values.add(new Object[] {"env." + k, v}));
        if (step instanceof RunStep r) {
            values.add(new Object[] {"run", r.run()});
            values.add(new Object[] {"shell", r.shell()});
            values.add(new Object[] {"working-directory", r.workingDirectory()});
        } else if (step instanceof UsesStep u) {
            for (Map.Entry<String, Object> e : u.with().entrySet()) {
                values.add(new Object[] {"with." + e.getKey(), e.getValue()});
            }
        }
        for (Object[] v : values) {
            if (v[1] instanceof String s) {
                sites.add(new ExpressionSite(at.key((String) v[0]), (String) v[0], s, Availability.STEP, false, job,
                        index));
            }
        }
    }
}
