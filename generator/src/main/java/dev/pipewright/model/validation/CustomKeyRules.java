package dev.pipewright.model.validation;

import dev.pipewright.model.CallJob;
import dev.pipewright.model.CancelStep;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.WaitAllStep;
import dev.pipewright.model.WaitStep;
import dev.pipewright.model.Workflow;
import java.util.Map;
import java.util.Set;

/**
 * Custom keys are for what the model does not cover yet; one that names a modelled key would
 * silently replace the typed value when written, so it is rejected with the method to use.
 */
final class CustomKeyRules implements WorkflowRule {
    private static final Set<String> ROOT =
            Set.of(
                    "name",
                    "description",
                    "run-name",
                    "on",
                    "permissions",
                    "env",
                    "defaults",
                    "concurrency",
                    "jobs");
    private static final Set<String> JOB =
            Set.of("name", "needs", "if", "permissions", "concurrency", "strategy");
    private static final Set<String> NORMAL_JOB =
            Set.of(
                    "runs-on",
                    "environment",
                    "timeout-minutes",
                    "cancel-timeout-minutes",
                    "snapshot",
                    "continue-on-error",
                    "container",
                    "services",
                    "outputs",
                    "env",
                    "defaults",
                    "steps");
    private static final Set<String> CALL_JOB = Set.of("uses", "with", "secrets");
    private static final Set<String> STEP =
            Set.of("id", "name", "if", "env", "continue-on-error", "timeout-minutes", "background");
    private static final Set<String> RUN_STEP = Set.of("run", "shell", "working-directory");
    private static final Set<String> USES_STEP = Set.of("uses", "with");

    @Override
    public void check(Workflow w, Where where, Problems problems) {
        collisions(w.custom(), ROOT, Set.of(), where, problems);
        for (Job job : w.jobs()) {
            Where at = where.job(job.id());
            job.accept(
                    new Job.Visitor<Void>() {
                        @Override
                        public Void visit(NormalJob n) {
                            collisions(n.custom(), JOB, NORMAL_JOB, at, problems);
                            for (int i = 0; i < n.steps().size(); i++) {
                                Step s = n.steps().get(i);
                                collisions(
                                        s.custom(),
                                        STEP,
                                        s.accept(STEP_KEYS),
                                        at.step(i + 1, s.id()),
                                        problems);
                            }
                            return null;
                        }

                        @Override
                        public Void visit(CallJob c) {
                            collisions(c.custom(), JOB, CALL_JOB, at, problems);
                            return null;
                        }
                    });
        }
    }

    /** The keys a kind of step has besides the common ones. */
    private static final Step.Visitor<Set<String>> STEP_KEYS =
            new Step.Visitor<>() {
                @Override
                public Set<String> visit(RunStep run) {
                    return RUN_STEP;
                }

                @Override
                public Set<String> visit(UsesStep uses) {
                    return USES_STEP;
                }

                @Override
                public Set<String> visit(WaitStep wait) {
                    return Set.of("wait");
                }

                @Override
                public Set<String> visit(WaitAllStep waitAll) {
                    return Set.of("wait-all");
                }

                @Override
                public Set<String> visit(CancelStep cancel) {
                    return Set.of("cancel");
                }

                @Override
                public Set<String> visit(ParallelStep parallel) {
                    return Set.of("parallel");
                }
            };

    private static void collisions(
            Map<String, Object> custom,
            Set<String> common,
            Set<String> specific,
            Where at,
            Problems problems) {
        for (String key : custom.keySet()) {
            if (common.contains(key) || specific.contains(key)) {
                problems.add(
                        at,
                        "custom key '"
                                + key
                                + "' is a modelled key and would replace its typed value; "
                                + "set it with the builder's "
                                + key
                                + " method instead");
            }
        }
    }
}
