package dev.pipewright.emit;

import dev.pipewright.model.trigger.ActivityTrigger;
import dev.pipewright.model.trigger.CustomTrigger;
import dev.pipewright.model.trigger.DispatchInput;
import dev.pipewright.model.trigger.EventCatalog;
import dev.pipewright.model.trigger.PullRequest;
import dev.pipewright.model.trigger.Push;
import dev.pipewright.model.trigger.Schedule;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.model.trigger.WorkflowCall;
import dev.pipewright.model.trigger.WorkflowDispatch;
import dev.pipewright.model.trigger.WorkflowRun;
import java.util.List;

/** Writes the {@code on:} mapping; filter keys in the order GitHub's docs list them. */
final class TriggerTree {
    private TriggerTree() {}

    static YamlMap of(List<Trigger> triggers) {
        YamlMap on = new YamlMap();
        for (Trigger t : triggers) {
            on.put(t.event(), body(t));
        }
        return on;
    }

    private static YamlNode body(Trigger t) {
        return t.accept(BODY);
    }

    private static final Trigger.Visitor<YamlNode> BODY =
            new Trigger.Visitor<>() {
                @Override
                public YamlNode visit(Push p) {
                    YamlMap m = new YamlMap();
                    Values.putList(m, "branches", p.branches());
                    Values.putList(m, "branches-ignore", p.branchesIgnore());
                    Values.putList(m, "tags", p.tags());
                    Values.putList(m, "tags-ignore", p.tagsIgnore());
                    Values.putList(m, "paths", p.paths());
                    Values.putList(m, "paths-ignore", p.pathsIgnore());
                    return orNull(p, m);
                }

                @Override
                public YamlNode visit(PullRequest pr) {
                    YamlMap m = new YamlMap();
                    Values.putList(m, "types", pr.types());
                    Values.putList(m, "branches", pr.branches());
                    Values.putList(m, "branches-ignore", pr.branchesIgnore());
                    Values.putList(m, "paths", pr.paths());
                    Values.putList(m, "paths-ignore", pr.pathsIgnore());
                    return orNull(pr, m);
                }

                @Override
                public YamlNode visit(Schedule s) {
                    return new YamlSeq(
                            s.crons().stream()
                                    .map(
                                            c ->
                                                    (YamlNode)
                                                            new YamlMap()
                                                                    .put("cron", c.expression())
                                                                    .putIfNotNull(
                                                                            "timezone",
                                                                            c.timezone()))
                                    .toList());
                }

                @Override
                public YamlNode visit(WorkflowDispatch d) {
                    YamlMap m = new YamlMap();
                    if (!d.inputs().isEmpty()) {
                        YamlMap inputs = new YamlMap();
                        d.inputs().forEach((name, in) -> inputs.put(name, dispatchInput(in)));
                        m.put("inputs", inputs);
                    }
                    return orNull(d, m);
                }

                @Override
                public YamlNode visit(WorkflowCall c) {
                    YamlMap m = new YamlMap();
                    workflowCall(c, m);
                    return orNull(c, m);
                }

                @Override
                public YamlNode visit(WorkflowRun r) {
                    YamlMap m = new YamlMap();
                    Values.putList(m, "workflows", r.workflows());
                    Values.putList(m, "types", r.types());
                    Values.putList(m, "branches", r.branches());
                    Values.putList(m, "branches-ignore", r.branchesIgnore());
                    return orNull(r, m);
                }

                @Override
                public YamlNode visit(ActivityTrigger a) {
                    YamlMap m = new YamlMap();
                    Values.putList(m, "types", a.types());
                    a.filters().forEach((k, v) -> Values.putList(m, k, v));
                    return orNull(a, m);
                }

                @Override
                public YamlNode visit(CustomTrigger c) {
                    YamlMap m = new YamlMap();
                    Values.putAll(m, c.body());
                    return orNull(c, m);
                }
            };

    /**
     * GitHub's schema allows only null for events that take no configuration (create, fork, ...).
     */
    private static YamlNode orNull(Trigger t, YamlMap m) {
        boolean nullOnly =
                EventCatalog.find(t.event()).map(spec -> spec.keys().isEmpty()).orElse(false);
        return m.isEmpty() && nullOnly ? YamlNull.INSTANCE : m;
    }

    private static YamlMap dispatchInput(DispatchInput in) {
        YamlMap m =
                new YamlMap()
                        .putIfNotNull("description", in.description())
                        .put("type", in.type().yaml());
        if (in.required()) {
            m.put("required", true);
        }
        if (in.defaultValue() != null) {
            m.put("default", Values.node(in.defaultValue()));
        }
        Values.putList(m, "options", in.options());
        return m;
    }

    private static void workflowCall(WorkflowCall c, YamlMap m) {
        if (!c.inputs().isEmpty()) {
            YamlMap inputs = new YamlMap();
            c.inputs()
                    .forEach(
                            (name, in) -> {
                                YamlMap i =
                                        new YamlMap()
                                                .putIfNotNull("description", in.description())
                                                .put("type", in.type().yaml());
                                if (in.required()) {
                                    i.put("required", true);
                                }
                                if (in.defaultValue() != null) {
                                    i.put("default", Values.node(in.defaultValue()));
                                }
                                inputs.put(name, i);
                            });
            m.put("inputs", inputs);
        }
        if (!c.outputs().isEmpty()) {
            YamlMap outputs = new YamlMap();
            c.outputs()
                    .forEach(
                            (name, o) ->
                                    outputs.put(
                                            name,
                                            new YamlMap()
                                                    .putIfNotNull("description", o.description())
                                                    .put("value", o.value())));
            m.put("outputs", outputs);
        }
        if (!c.secrets().isEmpty()) {
            YamlMap secrets = new YamlMap();
            c.secrets()
                    .forEach(
                            (name, s) -> {
                                YamlMap sm =
                                        new YamlMap().putIfNotNull("description", s.description());
                                if (s.required()) {
                                    sm.put("required", true);
                                }
                                secrets.put(name, sm);
                            });
            m.put("secrets", secrets);
        }
    }
}
