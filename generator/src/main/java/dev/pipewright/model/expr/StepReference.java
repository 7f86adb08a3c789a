package dev.pipewright.model.expr;

/** A step that expressions can point at through the {@code steps} context. */
public interface StepReference {
    /** The step id, or null when the step has none (then it cannot be referenced). */
    String id();

    /** A human description for messages, e.g. {@code step 'Build'}. */
    String describe();
}
