package dev.pipewright.model;

import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.expr.StepReference;
import java.util.List;
import java.util.Map;

/**
 * One step of a job: a shell command ({@link RunStep}), an action ({@link UsesStep}), or one of the
 * steps that coordinate background steps ({@link WaitStep}, {@link WaitAllStep}, {@link
 * CancelStep}, {@link ParallelStep}), which have fewer keys. {@code custom} holds keys this version
 * does not model.
 */
public sealed interface Step extends StepReference
        permits RunStep, UsesStep, WaitStep, WaitAllStep, CancelStep, ParallelStep {

    String name();

    /** Calls the visitor's method for this kind of step. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of step. Emitters, validators and the pipeline dispatch through it, so a
     * new kind in {@code permits} does not compile until every one of them handles it.
     */
    interface Visitor<R> {
        R visit(RunStep run);

        R visit(UsesStep uses);

        R visit(WaitStep wait);

        R visit(WaitAllStep waitAll);

        R visit(CancelStep cancel);

        R visit(ParallelStep parallel);
    }

    /** The {@code if:} condition, or null. */
    default String condition() {
        return null;
    }

    default Map<String, String> env() {
        return Map.of();
    }

    /** Boolean or expression string, or null. */
    Object continueOnError();

    /** Integer or expression string, or null. */
    default Object timeoutMinutes() {
        return null;
    }

    /** True when the step runs in the background; null when not set. */
    default Boolean background() {
        return null;
    }

    default Map<String, Object> custom() {
        return Map.of();
    }

    @Override
    default String describe() {
        if (id() != null) {
            return "step '" + id() + "'";
        }
        return name() != null ? "step '" + name() + "'" : "the step";
    }

    /** {@code steps.<id>.outputs.<name>}; the step must have an id. */
    default Expr output(String outputName) {
        return Expr.stepOutput(this, outputName);
    }

    /** {@code steps.<id>.outcome}. */
    default Expr outcome() {
        return Expr.stepOutcome(this);
    }

    static RunStep.Builder run(String script) {
        return RunStep.builder(script);
    }

    static UsesStep.Builder uses(String action) {
        return UsesStep.builder(ActionRef.parse(action));
    }

    static UsesStep.Builder uses(ActionRef action) {
        return UsesStep.builder(action);
    }

    /** Waits for the background steps with these ids. */
    static WaitStep waitFor(String... stepIds) {
        return new WaitStep(null, null, null, List.of(stepIds));
    }

    /** Waits for every earlier background step. */
    static WaitAllStep waitAll() {
        return new WaitAllStep(null, null, null);
    }

    /** Cancels the background step with this id. */
    static CancelStep cancel(String stepId) {
        return new CancelStep(null, null, null, stepId);
    }

    /** Runs these steps concurrently, as background steps the job waits for before going on. */
    static ParallelStep parallel(Step... steps) {
        return new ParallelStep(List.of(steps));
    }
}
