package dev.pipewright.model;

import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.util.Lists;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A step that runs an action; {@code with} values are strings, booleans or numbers, in insertion
 * order.
 */
public record UsesStep(
        String id,
        String name,
        String condition,
        Map<String, String> env,
        Object continueOnError,
        Object timeoutMinutes,
        Boolean background,
        ActionRef uses,
        Map<String, Object> with,
        Map<String, Object> custom)
        implements Step {

    public UsesStep {
        Objects.requireNonNull(uses, "uses == null");
        env = Lists.copy(env, "step env");
        with = Lists.copy(with, "step with");
        custom = Lists.copy(custom, "step custom keys");
        with.forEach(
                (k, v) -> {
                    if (!(v instanceof String)
                            && !(v instanceof Boolean)
                            && !(v instanceof Number)) {
                        throw new IllegalArgumentException(
                                "with."
                                        + k
                                        + " must be a string, boolean or number, not "
                                        + v.getClass().getSimpleName());
                    }
                });
        StepChecks.flagOrExpression(continueOnError, "continue-on-error");
        StepChecks.numberOrExpression(timeoutMinutes, "timeout-minutes");
    }

    public static Builder builder(ActionRef uses) {
        return new Builder(uses);
    }

    /** A copy with {@code uses} replaced (e.g. by its pinned form). */
    public UsesStep withUses(ActionRef ref) {
        return new UsesStep(
                id,
                name,
                condition,
                env,
                continueOnError,
                timeoutMinutes,
                background,
                ref,
                with,
                custom);
    }

    /** Builds a {@link UsesStep}. */
    public static final class Builder extends StepBuilder<Builder> {
        private final ActionRef uses;
        private final Map<String, Object> with = new LinkedHashMap<>();

        private Builder(ActionRef uses) {
            this.uses = uses;
        }

        public Builder with(String key, String value) {
            with.put(key, value);
            return this;
        }

        public Builder with(String key, boolean value) {
            with.put(key, value);
            return this;
        }

        public Builder with(String key, long value) {
            with.put(key, value);
            return this;
        }

        public Builder with(String key, Expr value) {
            with.put(key, value.wrapped());
            return this;
        }

        public UsesStep build() {
            return new UsesStep(
                    id,
                    name,
                    condition,
                    env,
                    continueOnError,
                    timeoutMinutes,
                    background,
                    uses,
                    with,
                    custom);
        }
    }

    @Override
    public <R> R accept(Step.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
