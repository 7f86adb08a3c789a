package dev.pipewright.model;

import dev.pipewright.model.util.Lists;
import java.util.List;

/**
 * {@code parallel:} runs its steps concurrently as background steps and waits for all of them. It
 * has no id or name of its own.
 */
public record ParallelStep(List<Step> steps) implements Step {
    public ParallelStep {
        steps = Lists.copy(steps, "parallel");
        if (steps.size() < 2) {
            throw new IllegalArgumentException(
                    "parallel needs at least two steps; run a single step directly");
        }
        for (Step s : steps) {
            if (!s.accept(RUNS_IN_PARALLEL)) {
                throw new IllegalArgumentException(
                        "parallel may hold run and uses steps only, not "
                                + s.getClass().getSimpleName());
            }
        }
    }

    /**
     * GitHub's {@code parallel:} holds run and uses steps; coordinating steps and nested blocks
     * belong outside.
     */
    private static final Step.Visitor<Boolean> RUNS_IN_PARALLEL =
            new Step.Visitor<>() {
                @Override
                public Boolean visit(RunStep run) {
                    return true;
                }

                @Override
                public Boolean visit(UsesStep uses) {
                    return true;
                }

                @Override
                public Boolean visit(WaitStep wait) {
                    return false;
                }

                @Override
                public Boolean visit(WaitAllStep waitAll) {
                    return false;
                }

                @Override
                public Boolean visit(CancelStep cancel) {
                    return false;
                }

                @Override
                public Boolean visit(ParallelStep parallel) {
                    return false;
                }
            };

    @Override
    public String id() {
        return null;
    }

    @Override
    public String name() {
        return null;
    }

    @Override
    public Object continueOnError() {
        return null;
    }

    @Override
    public <R> R accept(Step.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
