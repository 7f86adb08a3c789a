package dev.pipewright.emit;

import dev.pipewright.model.CallJob;
import dev.pipewright.model.CancelStep;
import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Container;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Job;
import dev.pipewright.model.Matrix;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunDefaults;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.RunsOn;
import dev.pipewright.model.Snapshot;
import dev.pipewright.model.Step;
import dev.pipewright.model.Strategy;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.WaitAllStep;
import dev.pipewright.model.WaitStep;
import dev.pipewright.model.Workflow;

/**
 * Turns a workflow into an ordered YAML tree with Pipewright's canonical key order: root {@code
 * name, run-name, on, permissions, env, defaults, concurrency, jobs}; jobs and steps likewise
 * fixed; {@code env}, {@code with} and matrix axes keep insertion order.
 */
public final class WorkflowTree {
    private WorkflowTree() {}

    public static YamlMap of(Workflow w) {
        YamlMap root =
                new YamlMap()
                        .putIfNotNull("name", w.name())
                        .putIfNotNull("description", w.description())
                        .putIfNotNull("run-name", w.runName())
                        .put("on", TriggerTree.of(w.on()))
                        .putIfNotNull("permissions", permissions(w.permissions()));
        if (!w.env().isEmpty()) {
            root.put("env", Values.map(w.env()));
        }
        root.putIfNotNull("defaults", defaults(w.defaults()))
                .putIfNotNull("concurrency", concurrency(w.concurrency()));
        YamlMap jobs = new YamlMap();
        for (Job job : w.jobs()) {
            jobs.put(job.id(), job.accept(JOB));
        }
        root.put("jobs", jobs);
        Values.putAll(root, w.custom());
        return root;
    }

    private static final Job.Visitor<YamlMap> JOB =
            new Job.Visitor<>() {
                @Override
                public YamlMap visit(NormalJob job) {
                    return normal(job);
                }

                @Override
                public YamlMap visit(CallJob job) {
                    return call(job);
                }
            };

    static YamlNode permissions(Permissions p) {
        return p == null ? null : p.accept(PERMISSIONS);
    }

    private static final Permissions.Visitor<YamlNode> PERMISSIONS =
            new Permissions.Visitor<>() {
                @Override
                public YamlNode visit(Permissions.ReadAll readAll) {
                    return YamlScalar.of("read-all");
                }

                @Override
                public YamlNode visit(Permissions.WriteAll writeAll) {
                    return YamlScalar.of("write-all");
                }

                @Override
                public YamlNode visit(Permissions.Scoped scoped) {
                    YamlMap m = new YamlMap();
                    scoped.grants()
                            .forEach(
                                    (scope, level) ->
                                            m.put(
                                                    scope.key(),
                                                    new YamlScalar(
                                                            level.yaml(),
                                                            scoped.reason(scope).orElse(null))));
                    return m;
                }
            };

    private static YamlNode defaults(RunDefaults d) {
        if (d == null) {
            return null;
        }
        return new YamlMap()
                .put(
                        "run",
                        new YamlMap()
                                .putIfNotNull("shell", d.shell())
                                .putIfNotNull("working-directory", d.workingDirectory()));
    }

    private static YamlNode concurrency(Concurrency c) {
        if (c == null) {
            return null;
        }
        if (c.cancelInProgress() == null && c.queue() == null) {
            return YamlScalar.of(c.group());
        }
        YamlMap m = new YamlMap().put("group", c.group());
        if (c.cancelInProgress() != null) {
            m.put("cancel-in-progress", Values.node(c.cancelInProgress()));
        }
        return m.putIfNotNull("queue", c.queue());
    }

    /** {@code if:} text starting with '!' must be wrapped: YAML reads a leading '!' as a tag. */
    static String condition(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.startsWith("!") ? "${{ " + t + " }}" : text;
    }

    private static YamlMap common(Job job) {
        YamlMap m = new YamlMap().putIfNotNull("name", job.name());
        if (!job.needs().isEmpty()) {
            m.put("needs", Values.oneOrMany(job.needs()));
        }
        return m.putIfNotNull("if", condition(job.condition()));
    }

    private static YamlMap normal(NormalJob job) {
        YamlMap m =
                common(job)
                        .put("runs-on", runsOn(job.runsOn()))
                        .putIfNotNull("environment", environment(job.environment()))
                        .putIfNotNull("permissions", permissions(job.permissions()))
                        .putIfNotNull("concurrency", concurrency(job.concurrency()));
        if (job.timeoutMinutes() != null) {
            m.put("timeout-minutes", Values.node(job.timeoutMinutes()));
        }
        if (job.cancelTimeoutMinutes() != null) {
            m.put("cancel-timeout-minutes", Values.node(job.cancelTimeoutMinutes()));
        }
        if (job.continueOnError() != null) {
            m.put("continue-on-error", Values.node(job.continueOnError()));
        }
        m.putIfNotNull("strategy", strategy(job.strategy()))
                .putIfNotNull("container", container(job.container(), true));
        if (!job.services().isEmpty()) {
            YamlMap services = new YamlMap();
            job.services().forEach((id, s) -> services.put(id, container(s, false)));
            m.put("services", services);
        }
        if (!job.outputs().isEmpty()) {
            m.put("outputs", Values.map(job.outputs()));
        }
        if (!job.env().isEmpty()) {
            m.put("env", Values.map(job.env()));
        }
        m.putIfNotNull("defaults", defaults(job.defaults()));
        m.putIfNotNull("snapshot", snapshot(job.snapshot()));
        m.put("steps", new YamlSeq(job.steps().stream().map(s -> (YamlNode) step(s)).toList()));
        Values.putAll(m, job.custom());
        return m;
    }

    private static YamlMap call(CallJob job) {
        YamlMap m =
                common(job)
                        .putIfNotNull("permissions", permissions(job.permissions()))
                        .putIfNotNull("concurrency", concurrency(job.concurrency()))
                        .putIfNotNull("strategy", strategy(job.strategy()))
                        .put("uses", job.uses());
        if (!job.with().isEmpty()) {
            m.put("with", Values.map(job.with()));
        }
        if (job.inheritSecrets()) {
            m.put("secrets", "inherit");
        } else if (!job.secrets().isEmpty()) {
            m.put("secrets", Values.map(job.secrets()));
        }
        Values.putAll(m, job.custom());
        return m;
    }

    private static YamlNode snapshot(Snapshot s) {
        if (s == null) {
            return null;
        }
        if (s.condition() == null && s.version() == null) {
            return YamlScalar.of(s.imageName());
        }
        return new YamlMap()
                .put("image-name", s.imageName())
                .putIfNotNull("if", condition(s.condition()))
                .putIfNotNull("version", s.version());
    }

    private static YamlNode runsOn(RunsOn r) {
        return r.accept(RUNS_ON);
    }

    private static final RunsOn.Visitor<YamlNode> RUNS_ON =
            new RunsOn.Visitor<>() {
                @Override
                public YamlNode visit(RunsOn.Labels l) {
                    return Values.oneOrMany(l.labels());
                }

                @Override
                public YamlNode visit(RunsOn.Group g) {
                    YamlMap m = new YamlMap().put("group", g.group());
                    if (!g.labels().isEmpty()) {
                        m.put("labels", Values.oneOrMany(g.labels()));
                    }
                    return m;
                }

                @Override
                public YamlNode visit(RunsOn.Custom c) {
                    return Values.node(c.value());
                }
            };

    private static YamlNode environment(Environment e) {
        if (e == null) {
            return null;
        }
        if (e.url() == null && e.deployment() == null) {
            return YamlScalar.of(e.name());
        }
        YamlMap m = new YamlMap().put("name", e.name()).putIfNotNull("url", e.url());
        if (e.deployment() != null) {
            m.put("deployment", e.deployment());
        }
        return m;
    }

    private static YamlNode strategy(Strategy s) {
        if (s == null) {
            return null;
        }
        YamlMap m = new YamlMap();
        if (s.failFast() != null) {
            m.put("fail-fast", Values.node(s.failFast()));
        }
        if (s.maxParallel() != null) {
            m.put("max-parallel", Values.node(s.maxParallel()));
        }
        if (s.matrix() != null) {
            m.put("matrix", matrix(s.matrix()));
        }
        return m;
    }

    private static YamlNode matrix(Matrix x) {
        if (x.expression() != null) {
            return YamlScalar.of(x.expression());
        }
        YamlMap m = Values.map(x.axes());
        if (!x.include().isEmpty()) {
            m.put("include", Values.node(x.include()));
        }
        if (!x.exclude().isEmpty()) {
            m.put("exclude", Values.node(x.exclude()));
        }
        return m;
    }

    private static YamlNode container(Container c, boolean jobContainer) {
        if (c == null) {
            return null;
        }
        boolean imageOnly =
                c.credentials() == null
                        && c.env().isEmpty()
                        && c.ports().isEmpty()
                        && c.volumes().isEmpty()
                        && c.options() == null
                        && c.entrypoint() == null
                        && c.command() == null;
        if (imageOnly && jobContainer) {
            return YamlScalar.of(c.image());
        }
        YamlMap m = new YamlMap().put("image", c.image());
        if (c.credentials() != null) {
            m.put(
                    "credentials",
                    new YamlMap()
                            .put("username", c.credentials().username())
                            .put("password", c.credentials().password()));
        }
        if (!c.env().isEmpty()) {
            m.put("env", Values.map(c.env()));
        }
        if (!c.ports().isEmpty()) {
            m.put("ports", new YamlSeq(c.ports().stream().map(WorkflowTree::port).toList()));
        }
        Values.putList(m, "volumes", c.volumes());
        m.putIfNotNull("options", c.options())
                .putIfNotNull("entrypoint", c.entrypoint())
                .putIfNotNull("command", c.command());
        return m;
    }

    /**
     * A bare port number is written as a number, as people write it; mappings like 8080:80 stay
     * strings.
     */
    private static YamlNode port(String p) {
        return p.matches("[1-9][0-9]{0,4}") ? YamlScalar.of(Long.parseLong(p)) : YamlScalar.of(p);
    }

    private static YamlMap step(Step s) {
        return s.accept(STEP);
    }

    /** Step keys in a fixed order: the common ones first, then the kind's own, then custom keys. */
    private static final Step.Visitor<YamlMap> STEP =
            new Step.Visitor<>() {
                @Override
                public YamlMap visit(RunStep r) {
                    YamlMap m = stepKeys(r);
                    if (!r.env().isEmpty()) {
                        m.put("env", Values.map(r.env()));
                    }
                    m.putIfNotNull("shell", r.shell())
                            .putIfNotNull("working-directory", r.workingDirectory())
                            .put("run", r.run());
                    Values.putAll(m, r.custom());
                    return m;
                }

                @Override
                public YamlMap visit(UsesStep u) {
                    YamlMap m = stepKeys(u);
                    m.put(
                            "uses",
                            u.uses().versionComment() == null
                                    ? YamlScalar.of(u.uses().text())
                                    : YamlScalar.withComment(
                                            u.uses().text(), u.uses().versionComment()));
                    if (!u.with().isEmpty()) {
                        m.put("with", Values.map(u.with()));
                    }
                    if (!u.env().isEmpty()) {
                        m.put("env", Values.map(u.env()));
                    }
                    Values.putAll(m, u.custom());
                    return m;
                }

                @Override
                public YamlMap visit(WaitStep w) {
                    return stepKeys(w).put("wait", Values.oneOrMany(w.targets()));
                }

                @Override
                public YamlMap visit(WaitAllStep w) {
                    return stepKeys(w).put("wait-all", true);
                }

                @Override
                public YamlMap visit(CancelStep c) {
                    return stepKeys(c).put("cancel", c.target());
                }

                @Override
                public YamlMap visit(ParallelStep p) {
                    return new YamlMap()
                            .put(
                                    "parallel",
                                    new YamlSeq(
                                            p.steps().stream()
                                                    .map(c -> (YamlNode) step(c))
                                                    .toList()));
                }
            };

    /** The keys every kind of step but {@code parallel} has, in their order. */
    private static YamlMap stepKeys(Step s) {
        YamlMap m =
                new YamlMap()
                        .putIfNotNull("name", s.name())
                        .putIfNotNull("id", s.id())
                        .putIfNotNull("if", condition(s.condition()));
        if (s.continueOnError() != null) {
            m.put("continue-on-error", Values.node(s.continueOnError()));
        }
        if (s.timeoutMinutes() != null) {
            m.put("timeout-minutes", Values.node(s.timeoutMinutes()));
        }
        if (s.background() != null) {
            m.put("background", s.background());
        }
        return m;
    }
}
