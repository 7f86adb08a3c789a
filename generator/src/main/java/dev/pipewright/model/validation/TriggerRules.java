package dev.pipewright.model.validation;

import dev.pipewright.github.Cron;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.ActivityTrigger;
import dev.pipewright.model.trigger.CustomTrigger;
import dev.pipewright.model.trigger.EventCatalog;
import dev.pipewright.model.trigger.PullRequest;
import dev.pipewright.model.trigger.Push;
import dev.pipewright.model.trigger.Schedule;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.model.trigger.WorkflowCall;
import dev.pipewright.model.trigger.WorkflowDispatch;
import dev.pipewright.model.trigger.WorkflowRun;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Triggers: known events and activity types, one entry per event, no filter with its -ignore twin,
 * valid cron.
 */
final class TriggerRules implements WorkflowRule {
    @Override
    public void check(Workflow w, Where where, Problems problems) {
        Set<String> events = new HashSet<>();
        for (Trigger t : w.on()) {
            Where at = where.key("on." + t.event());
            if (!events.add(t.event())) {
                problems.add(at, "the event is listed twice; merge its filters into one trigger");
            }
            t.accept(new Checks(at, problems));
        }
    }

    /**
     * What each kind of trigger must satisfy; dispatch and call inputs are checked when they are
     * built.
     */
    private static final class Checks implements Trigger.Visitor<Void> {
        private final Where at;
        private final Problems problems;

        Checks(Where at, Problems problems) {
            this.at = at;
            this.problems = problems;
        }

        @Override
        public Void visit(Push p) {
            exclusive(at, "branches", p.branches(), p.branchesIgnore(), problems);
            exclusive(at, "tags", p.tags(), p.tagsIgnore(), problems);
            exclusive(at, "paths", p.paths(), p.pathsIgnore(), problems);
            return null;
        }

        @Override
        public Void visit(PullRequest pr) {
            exclusive(at, "branches", pr.branches(), pr.branchesIgnore(), problems);
            exclusive(at, "paths", pr.paths(), pr.pathsIgnore(), problems);
            activityTypes(at, pr.event(), pr.types(), problems);
            return null;
        }

        @Override
        public Void visit(Schedule s) {
            s.crons()
                    .forEach(
                            c ->
                                    Cron.problem(c.expression())
                                            .ifPresent(
                                                    msg ->
                                                            problems.add(
                                                                    at,
                                                                    msg
                                                                            + "; fix the expression (GitHub runs schedules in UTC unless a timezone is set)")));
            return null;
        }

        @Override
        public Void visit(WorkflowDispatch dispatch) {
            return null;
        }

        @Override
        public Void visit(WorkflowCall call) {
            return null;
        }

        @Override
        public Void visit(WorkflowRun run) {
            exclusive(at, "branches", run.branches(), run.branchesIgnore(), problems);
            activityTypes(at, run.event(), run.types(), problems);
            return null;
        }

        @Override
        public Void visit(ActivityTrigger a) {
            activity(at, a, problems);
            return null;
        }

        // the escape hatch for events and keys newer than this version: nothing to check it against
        @Override
        public Void visit(CustomTrigger custom) {
            return null;
        }
    }

    private static void exclusive(
            Where at, String key, List<String> include, List<String> ignore, Problems problems) {
        if (!include.isEmpty() && !ignore.isEmpty()) {
            problems.add(
                    at,
                    key
                            + " and "
                            + key
                            + "-ignore cannot both be set for one event; "
                            + "use "
                            + key
                            + " with '!' patterns to exclude");
        }
    }

    private static void activityTypes(
            Where at, String event, List<String> types, Problems problems) {
        EventCatalog.find(event)
                .ifPresent(
                        spec -> {
                            for (String type : types) {
                                if (!spec.activityTypes().isEmpty()
                                        && !spec.activityTypes().contains(type)) {
                                    problems.add(
                                            at,
                                            "'"
                                                    + type
                                                    + "' is not an activity type of "
                                                    + event
                                                    + "; use one of "
                                                    + spec.activityTypes());
                                }
                            }
                        });
    }

    private static void activity(Where at, ActivityTrigger a, Problems problems) {
        var spec = EventCatalog.find(a.event());
        if (spec.isEmpty()) {
            problems.add(
                    at,
                    "'"
                            + a.event()
                            + "' is not an event GitHub's schema knows; fix the name, or use "
                            + "CustomTrigger for an event newer than this version");
            return;
        }
        if (!a.types().isEmpty() && !spec.get().keys().contains("types")) {
            problems.add(at, a.event() + " takes no activity types; remove types");
        }
        activityTypes(at, a.event(), a.types(), problems);
        for (Map.Entry<String, List<String>> f : a.filters().entrySet()) {
            if (!spec.get().keys().contains(f.getKey())) {
                problems.add(
                        at,
                        a.event()
                                + " has no filter '"
                                + f.getKey()
                                + "'; it takes "
                                + spec.get().keys());
            }
        }
        for (String key : List.of("branches", "tags", "paths")) {
            exclusive(
                    at,
                    key,
                    a.filters().getOrDefault(key, List.of()),
                    a.filters().getOrDefault(key + "-ignore", List.of()),
                    problems);
        }
    }
}
