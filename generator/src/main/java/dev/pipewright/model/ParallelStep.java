package dev.pipewright.model;

import dev.pipewright.model.util.Lists;
import java.util.List;

/**
 * {@code parallel:} runs its steps concurrently as background steps and waits for all of them.
 * It has no id or name of its own.
 */
public record ParallelStep(List<Step> steps) implements Step {
    public ParallelStep {
        steps = Lists.copy(steps, "parallel");
        if (steps.size() < 2) {
            throw new IllegalArgumentException("parallel needs at least two steps; run a single step directly");
        }
        for (Step s : steps) {
            if (!(s instanceof RunStep) && !(s instanceof UsesStep)) {
                throw new IllegalArgumentException("parallel may hold run and uses steps only, not "
                        + s.getClass().getSimpleName());
            }
        }
    }

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
}
