package dev.pipewright.model;

/** {@code wait-all:} every earlier background step must finish before the job goes on. */
public record WaitAllStep(String id, String name, Object continueOnError) implements Step {
    public WaitAllStep {
        StepChecks.flagOrExpression(continueOnError, "continue-on-error");
    }

    public WaitAllStep withId(String value) {
        return new WaitAllStep(value, name, continueOnError);
    }

    public WaitAllStep withName(String value) {
        return new WaitAllStep(id, value, continueOnError);
    }

    @Override
    public <R> R accept(Step.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
