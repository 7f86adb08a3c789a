package dev.pipewright.model;

import dev.pipewright.model.expr.Expr;
import java.util.LinkedHashMap;
import java.util.Map;

/** The keys every step has, shared by the run and uses builders. */
public abstract class StepBuilder<B extends StepBuilder<B>> {
    String id;
    String name;
    String condition;
    final Map<String, String> env = new LinkedHashMap<>();
    Object continueOnError;
    Object timeoutMinutes;
    Boolean background;
    final Map<String, Object> custom = new LinkedHashMap<>();

    /** For the run and uses builders here, and for typed action bindings elsewhere. */
    protected StepBuilder() {}

    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }

    /**
     * Gives another step builder the common keys set on this one (a binding hands them to the uses
     * step it builds).
     */
    protected final void copyCommonKeysTo(StepBuilder<?> target) {
        target.id = id;
        target.name = name;
        target.condition = condition;
        target.env.putAll(env);
        target.continueOnError = continueOnError;
        target.timeoutMinutes = timeoutMinutes;
        target.background = background;
        target.custom.putAll(custom);
    }

    public B id(String value) {
        id = value;
        return self();
    }

    public B name(String value) {
        name = value;
        return self();
    }

    /** The step's {@code if:}, as text (with or without {@code ${{ }}}). */
    public B ifCondition(String value) {
        condition = value;
        return self();
    }

    public B ifCondition(Expr value) {
        condition = value.render();
        return self();
    }

    public B env(String key, String value) {
        env.put(key, value);
        return self();
    }

    public B env(String key, Expr value) {
        return env(key, value.wrapped());
    }

    public B continueOnError(boolean value) {
        continueOnError = value;
        return self();
    }

    public B continueOnError(Expr value) {
        continueOnError = value.wrapped();
        return self();
    }

    public B timeoutMinutes(int minutes) {
        timeoutMinutes = minutes;
        return self();
    }

    /**
     * Runs the step in the background; later {@code wait}/{@code wait-all}/{@code cancel} steps
     * refer to its id.
     */
    public B background(boolean value) {
        background = value;
        return self();
    }

    /** A key this version does not model, written after the known ones. */
    public B custom(String key, Object value) {
        custom.put(key, value);
        return self();
    }
}
