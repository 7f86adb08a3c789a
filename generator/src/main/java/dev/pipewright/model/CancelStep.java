package dev.pipewright.model;

import java.util.Objects;

/** {@code cancel:} stops a background step, e.g. a server started for integration tests. */
public record CancelStep(String id, String name, Object continueOnError, String target)
        implements Step {
    public CancelStep {
        Objects.requireNonNull(target, "cancel target == null");
        StepChecks.flagOrExpression(continueOnError, "continue-on-error");
    }

    public CancelStep withId(String value) {
        return new CancelStep(value, name, continueOnError, target);
    }

    public CancelStep withName(String value) {
        return new CancelStep(id, value, continueOnError, target);
    }

    @Override
    public <R> R accept(Step.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
