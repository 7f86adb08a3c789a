package dev.pipewright.model;

import dev.pipewright.model.util.Lists;
import java.util.List;

/** {@code wait:} one or more background steps, by id, before going on. */
public record WaitStep(String id, String name, Object continueOnError, List<String> targets)
        implements Step {
    public WaitStep {
        targets = Lists.copy(targets, "wait");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(
                    "wait names no step; give the ids of background steps");
        }
        StepChecks.flagOrExpression(continueOnError, "continue-on-error");
    }

    public WaitStep withId(String value) {
        return new WaitStep(value, name, continueOnError, targets);
    }

    public WaitStep withName(String value) {
        return new WaitStep(id, value, continueOnError, targets);
    }

    @Override
    public <R> R accept(Step.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
