package dev.pipewright.model.validation;

import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.CancelStep;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.Preview;
import dev.pipewright.model.Step;
import dev.pipewright.model.WaitAllStep;
import dev.pipewright.model.WaitStep;
import dev.pipewright.model.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Step ids (syntax, unique per job ignoring case, including steps inside {@code parallel:}),
 * positive step timeouts, and {@code wait}/{@code cancel} naming earlier background steps.
 */
final class StepRules implements WorkflowRule {
    @Override
    public void check(Workflow w, Where where, Problems problems) {
        for (Job job : w.jobs()) {
            if (!(job instanceof NormalJob n)) {
                continue;
            }
            Map<String, Integer> seen = new HashMap<>();
            java.util.Set<String> background = new java.util.HashSet<>();
            for (int i = 0; i < n.steps().size(); i++) {
                Step outer = n.steps().get(i);
                Where outerAt = where.job(job.id()).step(i + 1, outer.id());
                boolean parallel = outer instanceof ParallelStep;
                List<Step> group = parallel ? ((ParallelStep) outer).steps() : List.of(outer);
                backgroundTargets(outer, outerAt, background, problems);
                if (!w.previews().contains(Preview.BACKGROUND_STEPS) && usesBackgroundSyntax(outer)) {
                    problems.add(outerAt, "background, wait, wait-all, cancel and parallel steps are a GitHub preview "
                            + "that GitHub's parser rejects unless the " + Preview.BACKGROUND_STEPS.githubFlag()
                            + " feature is on for your organization; if it is, opt in with "
                            + "allowPreview(Preview.BACKGROUND_STEPS)");
                }
                for (int k = 0; k < group.size(); k++) {
                    Step step = group.get(k);
                    Where at = parallel ? outerAt.key("parallel step " + (k + 1)
                            + (step.id() == null ? "" : " (id: " + step.id() + ")")) : outerAt;
                    checkStep(step, i, at, seen, problems);
                    // GitHub gives a parallel block's steps their own id scope: only top-level ones can be targets
                    if (!parallel && step.id() != null && Boolean.TRUE.equals(step.background())) {
                        background.add(step.id());
                    }
                }
            }
        }
    }

    private static boolean usesBackgroundSyntax(Step s) {
        return s instanceof ParallelStep || s instanceof WaitStep || s instanceof WaitAllStep || s instanceof CancelStep
                || s.background() != null;
    }

    private static void backgroundTargets(Step step, Where at, java.util.Set<String> background, Problems problems) {
        List<String> targets = step instanceof WaitStep w ? w.targets()
                : step instanceof CancelStep c ? List.of(c.target()) : List.of();
        String key = step instanceof WaitStep ? "wait" : "cancel";
        for (String target : targets) {
            // GitHub matches targets case-sensitively
            if (!background.contains(target)) {
                problems.add(at.key(key), key + " names '" + target + "', which is no earlier background step of "
                        + "this job (steps inside parallel(...) cannot be named); give a step before it that id and "
                        + "background(true)");
            }
        }
    }

    private static void checkStep(Step step, int i, Where at, Map<String, Integer> seen, Problems problems) {
        if (step.id() != null) {
            if (!Ids.valid(step.id())) {
                problems.add(at, "step id '" + step.id()
                        + "' must start with a letter or _ and contain only letters, digits, - and _");
            } else if (step.id().startsWith("__")) {
                problems.add(at, "step id '" + step.id() + "' starts with __, which GitHub reserves for its own ids; "
                        + "rename it");
            }
            Integer previous = seen.putIfAbsent(step.id().toLowerCase(Locale.ROOT), i + 1);
            if (previous != null) {
                problems.add(at, "step id '" + step.id() + "' is already used by step " + previous
                        + " of this job; step ids must be unique per job");
            }
        }
        if (step.timeoutMinutes() instanceof Integer t && t <= 0) {
            problems.add(at.key("timeout-minutes"), "timeout-minutes is " + t
                    + "; it must be a positive number of minutes");
        }
    }
}
