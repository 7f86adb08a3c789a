package dev.pipewright.model.trigger;

/**
 * Anything that builds a trigger, so {@code on(Trigger.push().branches("main"))} needs no {@code
 * build()}.
 */
public interface TriggerBuilder {
    Trigger build();
}
