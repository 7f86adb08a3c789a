package dev.pipewright.model.validation;

import dev.pipewright.model.CallJob;
import dev.pipewright.model.CancelStep;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.Preview;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.WaitAllStep;
import dev.pipewright.model.WaitStep;
import dev.pipewright.model.Workflow;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Step ids (syntax, unique per job ignoring case, including steps inside {@code parallel:}),
 * positive step timeouts, and {@code wait}/{@code cancel} naming earlier background steps.
 */
final class StepRules implements WorkflowRule {
    @Override
    public void check(Workflow w, Where where, Problems problems) {
        for (Job job : w.jobs()) {
            job.accept(
                    new Job.Visitor<Void>() {
                        @Override
                        public Void visit(NormalJob n) {
                            checkSteps(w, where.job(n.id()), n, problems);
                            return null;
                        }

                        // a reusable workflow's steps are checked where that workflow is generated
                        @Override
                        public Void visit(CallJob c) {
                            return null;
                        }
                    });
        }
    }

    private static void checkSteps(Workflow w, Where jobAt, NormalJob n, Problems problems) {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> background = new HashSet<>();
        for (int i = 0; i < n.steps().size(); i++) {
            Step outer = n.steps().get(i);
            Where outerAt = jobAt.step(i + 1, outer.id());
            outer.accept(new BackgroundTargets(outerAt, background, problems));
            if (!w.previews().contains(Preview.BACKGROUND_STEPS)
                    && outer.accept(BACKGROUND_SYNTAX)) {
                problems.add(
                        outerAt,
                        "background, wait, wait-all, cancel and parallel steps are a GitHub preview "
                                + "that GitHub's parser rejects unless the "
                                + Preview.BACKGROUND_STEPS.githubFlag()
                                + " feature is on for your organization; if it is, opt in with "
                                + "allowPreview(Preview.BACKGROUND_STEPS)");
            }
            outer.accept(new StepIds(i, outerAt, seen, background, problems));
        }
    }

    /** True for a step written with the background-steps preview's keys. */
    private static final Step.Visitor<Boolean> BACKGROUND_SYNTAX =
            new Step.Visitor<>() {
                @Override
                public Boolean visit(RunStep run) {
                    return run.background() != null;
                }

                @Override
                public Boolean visit(UsesStep uses) {
                    return uses.background() != null;
                }

                @Override
                public Boolean visit(WaitStep wait) {
                    return true;
                }

                @Override
                public Boolean visit(WaitAllStep waitAll) {
                    return true;
                }

                @Override
                public Boolean visit(CancelStep cancel) {
                    return true;
                }

                @Override
                public Boolean visit(ParallelStep parallel) {
                    return true;
                }
            };

    /**
     * {@code wait} and {@code cancel} must name background steps before them; other steps name
     * none.
     */
    private static final class BackgroundTargets implements Step.Visitor<Void> {
        private final Where at;
        private final Set<String> background;
        private final Problems problems;

        BackgroundTargets(Where at, Set<String> background, Problems problems) {
            this.at = at;
            this.background = background;
            this.problems = problems;
        }

        @Override
        public Void visit(WaitStep wait) {
            return check("wait", wait.targets());
        }

        @Override
        public Void visit(CancelStep cancel) {
            return check("cancel", List.of(cancel.target()));
        }

        @Override
        public Void visit(RunStep run) {
            return null;
        }

        @Override
        public Void visit(UsesStep uses) {
            return null;
        }

        @Override
        public Void visit(WaitAllStep waitAll) {
            return null;
        }

        @Override
        public Void visit(ParallelStep parallel) {
            return null;
        }

        private Void check(String key, List<String> targets) {
            for (String target : targets) {
                // GitHub matches targets case-sensitively
                if (!background.contains(target)) {
                    problems.add(
                            at.key(key),
                            key
                                    + " names '"
                                    + target
                                    + "', which is no earlier background step "
                                    + "of this job (steps inside parallel(...) cannot be named); give a step before it that "
                                    + "id and background(true)");
                }
            }
            return null;
        }
    }

    /**
     * Checks the ids of one top-level step, or of each step of a {@code parallel:} block, and
     * records the background steps that later {@code wait} and {@code cancel} steps may name.
     */
    private static final class StepIds implements Step.Visitor<Void> {
        private final int index;
        private final Where at;
        private final Map<String, Integer> seen;
        private final Set<String> background;
        private final Problems problems;

        StepIds(
                int index,
                Where at,
                Map<String, Integer> seen,
                Set<String> background,
                Problems problems) {
            this.index = index;
            this.at = at;
            this.seen = seen;
            this.background = background;
            this.problems = problems;
        }

        @Override
        public Void visit(RunStep run) {
            return topLevel(run);
        }

        @Override
        public Void visit(UsesStep uses) {
            return topLevel(uses);
        }

        @Override
        public Void visit(WaitStep wait) {
            return topLevel(wait);
        }

        @Override
        public Void visit(WaitAllStep waitAll) {
            return topLevel(waitAll);
        }

        @Override
        public Void visit(CancelStep cancel) {
            return topLevel(cancel);
        }

        // GitHub gives a parallel block's steps their own id scope: only top-level ones can be
        // targets
        @Override
        public Void visit(ParallelStep parallel) {
            for (int k = 0; k < parallel.steps().size(); k++) {
                Step step = parallel.steps().get(k);
                checkStep(
                        step,
                        index,
                        at.key(
                                "parallel step "
                                        + (k + 1)
                                        + (step.id() == null ? "" : " (id: " + step.id() + ")")),
                        seen,
                        problems);
            }
            return null;
        }

        private Void topLevel(Step step) {
            checkStep(step, index, at, seen, problems);
            if (step.id() != null && Boolean.TRUE.equals(step.background())) {
                background.add(step.id());
            }
            return null;
        }
    }

    private static void checkStep(
            Step step, int i, Where at, Map<String, Integer> seen, Problems problems) {
        if (step.id() != null) {
            if (!Ids.valid(step.id())) {
                problems.add(
                        at,
                        "step id '"
                                + step.id()
                                + "' must start with a letter or _ and contain only letters, digits, - and _");
            } else if (step.id().startsWith("__")) {
                problems.add(
                        at,
                        "step id '"
                                + step.id()
                                + "' starts with __, which GitHub reserves for its own ids; "
                                + "rename it");
            }
            Integer previous = seen.putIfAbsent(step.id().toLowerCase(Locale.ROOT), i + 1);
            if (previous != null) {
                problems.add(
                        at,
                        "step id '"
                                + step.id()
                                + "' is already used by step "
                                + previous
                                + " of this job; step ids must be unique per job");
            }
        }
        if (step.timeoutMinutes() instanceof Integer t && t <= 0) {
            problems.add(
                    at.key("timeout-minutes"),
                    "timeout-minutes is " + t + "; it must be a positive number of minutes");
        }
    }
}
