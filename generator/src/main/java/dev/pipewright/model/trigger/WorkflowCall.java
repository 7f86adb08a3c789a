package dev.pipewright.model.trigger;

import dev.pipewright.model.util.Lists;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code on: workflow_call}: the interface of a reusable workflow. */
public record WorkflowCall(
        Map<String, Input> inputs, Map<String, Output> outputs, Map<String, Secret> secrets)
        implements Trigger {

    /** A typed input: string, boolean or number only. */
    public record Input(String description, InputType type, boolean required, Object defaultValue) {
        public Input {
            Objects.requireNonNull(type, "type == null");
            if (type == InputType.CHOICE || type == InputType.ENVIRONMENT) {
                throw new IllegalArgumentException(
                        "workflow_call inputs are string, boolean or number, not " + type.yaml());
            }
            InputDefaults.check(type, defaultValue);
        }
    }

    /** An output whose value is an expression over the {@code jobs} context. */
    public record Output(String description, String value) {
        public Output {
            Objects.requireNonNull(value, "output value == null");
        }
    }

    /** A secret the caller passes. */
    public record Secret(String description, boolean required) {}

    public WorkflowCall {
        inputs = Lists.copy(inputs, "workflow_call.inputs");
        outputs = Lists.copy(outputs, "workflow_call.outputs");
        secrets = Lists.copy(secrets, "workflow_call.secrets");
    }

    @Override
    public String event() {
        return "workflow_call";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WorkflowCall}. */
    public static final class Builder implements TriggerBuilder {
        private final Map<String, Input> inputs = new LinkedHashMap<>();
        private final Map<String, Output> outputs = new LinkedHashMap<>();
        private final Map<String, Secret> secrets = new LinkedHashMap<>();

        public Builder input(String name, Input input) {
            inputs.put(name, input);
            return this;
        }

        public Builder input(String name, InputType type, boolean required, String description) {
            return input(name, new Input(description, type, required, null));
        }

        public Builder output(String name, String description, Object value) {
            outputs.put(name, new Output(description, String.valueOf(value)));
            return this;
        }

        public Builder secret(String name, boolean required, String description) {
            secrets.put(name, new Secret(description, required));
            return this;
        }

        public WorkflowCall build() {
            return new WorkflowCall(inputs, outputs, secrets);
        }
    }

    @Override
    public <R> R accept(Trigger.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
