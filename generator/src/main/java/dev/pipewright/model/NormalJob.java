package dev.pipewright.model;

import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.util.Lists;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A job that runs steps on a runner. */
public record NormalJob(
        String id,
        String name,
        List<String> needs,
        String condition,
        RunsOn runsOn,
        Environment environment,
        Permissions permissions,
        Concurrency concurrency,
        Map<String, String> outputs,
        Map<String, String> env,
        RunDefaults defaults,
        Object timeoutMinutes,
        Object cancelTimeoutMinutes,
        Object continueOnError,
        Strategy strategy,
        Container container,
        Map<String, Container> services,
        Snapshot snapshot,
        List<Step> steps,
        Map<String, Object> custom)
        implements Job {

    public NormalJob {
        Objects.requireNonNull(id, "job id == null");
        Objects.requireNonNull(runsOn, () -> "job " + id + " has no runs-on");
        needs = Lists.copy(needs, "needs");
        outputs = Lists.copy(outputs, "outputs");
        env = Lists.copy(env, "env");
        services = Lists.copy(services, "services");
        steps = Lists.copy(steps, "steps");
        custom = Lists.copy(custom, "custom keys");
        StepChecks.numberOrExpression(timeoutMinutes, "timeout-minutes");
        StepChecks.numberOrExpression(cancelTimeoutMinutes, "cancel-timeout-minutes");
        StepChecks.flagOrExpression(continueOnError, "continue-on-error");
    }

    @Override
    public Set<String> outputNames() {
        return new LinkedHashSet<>(outputs.keySet());
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A copy with other steps and nothing else changed. */
    public NormalJob withSteps(List<Step> replacement) {
        return new NormalJob(
                id,
                name,
                needs,
                condition,
                runsOn,
                environment,
                permissions,
                concurrency,
                outputs,
                env,
                defaults,
                timeoutMinutes,
                cancelTimeoutMinutes,
                continueOnError,
                strategy,
                container,
                services,
                snapshot,
                replacement,
                custom);
    }

    /** A builder pre-filled with this job, for overrides by id. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.name = name;
        b.needs.addAll(needs);
        b.condition = condition;
        b.runsOn = runsOn;
        b.environment = environment;
        b.permissions = permissions;
        b.concurrency = concurrency;
        b.outputs.putAll(outputs);
        b.env.putAll(env);
        b.defaults = defaults;
        b.timeoutMinutes = timeoutMinutes;
        b.cancelTimeoutMinutes = cancelTimeoutMinutes;
        b.continueOnError = continueOnError;
        b.strategy = strategy;
        b.container = container;
        b.services.putAll(services);
        b.snapshot = snapshot;
        b.steps.addAll(steps);
        b.custom.putAll(custom);
        return b;
    }

    /** Builds a {@link NormalJob}. */
    public static final class Builder extends JobBuilder<Builder> {
        private RunsOn runsOn;
        private Environment environment;
        private final Map<String, String> outputs = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private RunDefaults defaults;
        private Object timeoutMinutes;
        private Object cancelTimeoutMinutes;
        private Object continueOnError;
        private Container container;
        private final Map<String, Container> services = new LinkedHashMap<>();
        private Snapshot snapshot;
        private final List<Step> steps = new ArrayList<>();

        private Builder(String id) {
            super(id);
        }

        public Builder runsOn(RunsOn value) {
            runsOn = value;
            return this;
        }

        public Builder runsOn(String label) {
            runsOn = RunsOn.label(label);
            return this;
        }

        public Builder environment(Environment value) {
            environment = value;
            return this;
        }

        public Builder environment(String value) {
            environment = Environment.of(value);
            return this;
        }

        public Builder output(String key, String value) {
            outputs.put(key, value);
            return this;
        }

        public Builder output(String key, Expr value) {
            return output(key, value.wrapped());
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder env(String key, Expr value) {
            return env(key, value.wrapped());
        }

        public Builder defaults(RunDefaults value) {
            defaults = value;
            return this;
        }

        public Builder timeoutMinutes(int minutes) {
            timeoutMinutes = minutes;
            return this;
        }

        public Builder timeoutMinutes(Expr value) {
            timeoutMinutes = value.wrapped();
            return this;
        }

        /** Minutes GitHub lets the job's cleanup run after a cancellation before it is killed. */
        public Builder cancelTimeoutMinutes(int minutes) {
            cancelTimeoutMinutes = minutes;
            return this;
        }

        public Builder snapshot(Snapshot value) {
            snapshot = value;
            return this;
        }

        public Builder continueOnError(boolean value) {
            continueOnError = value;
            return this;
        }

        public Builder continueOnError(Expr value) {
            continueOnError = value.wrapped();
            return this;
        }

        public Builder container(Container value) {
            container = value;
            return this;
        }

        public Builder service(String serviceId, Container value) {
            services.put(serviceId, value);
            return this;
        }

        public Builder step(Step value) {
            steps.add(value);
            return this;
        }

        public Builder steps(List<? extends Step> values) {
            steps.addAll(values);
            return this;
        }

        /** Replaces the step with this id (overrides go by id, never by index). */
        public Builder replaceStep(String stepId, Step replacement) {
            int i = indexOf(stepId);
            steps.set(i, replacement);
            return this;
        }

        /** Inserts a step after the one with this id. */
        public Builder insertAfter(String stepId, Step extra) {
            steps.add(indexOf(stepId) + 1, extra);
            return this;
        }

        /** Inserts a step before the one with this id. */
        public Builder insertBefore(String stepId, Step extra) {
            steps.add(indexOf(stepId), extra);
            return this;
        }

        public Builder removeStep(String stepId) {
            steps.remove(indexOf(stepId));
            return this;
        }

        private int indexOf(String stepId) {
            for (int i = 0; i < steps.size(); i++) {
                if (stepId.equals(steps.get(i).id())) {
                    return i;
                }
            }
            throw new IllegalArgumentException(
                    "job " + id + " has no step with id '" + stepId + "'");
        }

        public NormalJob build() {
            return new NormalJob(
                    id,
                    name,
                    needs,
                    condition,
                    runsOn,
                    environment,
                    permissions,
                    concurrency,
                    outputs,
                    env,
                    defaults,
                    timeoutMinutes,
                    cancelTimeoutMinutes,
                    continueOnError,
                    strategy,
                    container,
                    services,
                    snapshot,
                    steps,
                    custom);
        }
    }

    @Override
    public <R> R accept(Job.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
