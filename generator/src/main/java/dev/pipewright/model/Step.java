package dev.pipewright.model;

import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.expr.StepReference;
import java.util.Map;

/**
 * One step of a job: a shell command ({@link RunStep}) or an action ({@link UsesStep}). Both
 * carry the common keys; {@code custom} holds keys this version does not model.
 */
public sealed interface Step extends StepReference permits RunStep, UsesStep {

    String name();

    /** The {@code if:} condition, or null. */
    String condition();

    Map<String, String> env();

    /** Boolean or expression string, or null. */
    Object continueOnError();

    /** Integer or expression string, or null. */
    Object timeoutMinutes();

    Map<String, Object> custom();

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
}
