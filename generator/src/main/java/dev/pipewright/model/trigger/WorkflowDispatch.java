package dev.pipewright.model.trigger;

import dev.pipewright.model.util.Lists;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code on: workflow_dispatch} with typed inputs (GitHub allows at most 25). */
public record WorkflowDispatch(Map<String, DispatchInput> inputs) implements Trigger {
    public WorkflowDispatch {
        inputs = Lists.copy(inputs, "workflow_dispatch.inputs");
    }

    @Override
    public String event() {
        return "workflow_dispatch";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WorkflowDispatch}. */
    public static final class Builder implements TriggerBuilder {
        private final Map<String, DispatchInput> inputs = new LinkedHashMap<>();

        public Builder input(String name, DispatchInput input) {
            inputs.put(name, input);
            return this;
        }

        public WorkflowDispatch build() {
            return new WorkflowDispatch(inputs);
        }
    }

    @Override
    public <R> R accept(Trigger.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
