package dev.pipewright.model;

import dev.pipewright.model.util.Lists;
import java.util.Map;
import java.util.Objects;

/** A step that runs a shell script. */
public record RunStep(
        String id,
        String name,
        String condition,
        Map<String, String> env,
        Object continueOnError,
        Object timeoutMinutes,
        Boolean background,
        String run,
        String shell,
        String workingDirectory,
        Map<String, Object> custom)
        implements Step {

    public RunStep {
        Objects.requireNonNull(run, "run == null");
        env = Lists.copy(env, "step env");
        custom = Lists.copy(custom, "step custom keys");
        StepChecks.flagOrExpression(continueOnError, "continue-on-error");
        StepChecks.numberOrExpression(timeoutMinutes, "timeout-minutes");
    }

    public static Builder builder(String run) {
        return new Builder(run);
    }

    /** Builds a {@link RunStep}. */
    public static final class Builder extends StepBuilder<Builder> {
        private final String run;
        private String shell;
        private String workingDirectory;

        private Builder(String run) {
            this.run = run;
        }

        public Builder shell(String value) {
            shell = value;
            return this;
        }

        public Builder workingDirectory(String value) {
            workingDirectory = value;
            return this;
        }

        public RunStep build() {
            return new RunStep(
                    id,
                    name,
                    condition,
                    env,
                    continueOnError,
                    timeoutMinutes,
                    background,
                    run,
                    shell,
                    workingDirectory,
                    custom);
        }
    }

    @Override
    public <R> R accept(Step.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
