package dev.pipewright.model.trigger;

import dev.pipewright.model.util.Lists;
import java.util.Arrays;
import java.util.List;

/** {@code on: workflow_run}: runs after other workflows; it has write tokens even for fork PRs. */
public record WorkflowRun(
        List<String> workflows,
        List<String> types,
        List<String> branches,
        List<String> branchesIgnore)
        implements Trigger {

    public WorkflowRun {
        workflows = Lists.copy(workflows, "workflow_run.workflows");
        types = Lists.copy(types, "workflow_run.types");
        branches = Lists.copy(branches, "workflow_run.branches");
        branchesIgnore = Lists.copy(branchesIgnore, "workflow_run.branches-ignore");
        if (workflows.isEmpty()) {
            throw new IllegalArgumentException(
                    "workflow_run names no workflow; list the workflows it follows");
        }
    }

    @Override
    public String event() {
        return "workflow_run";
    }

    public static Builder builder(String... workflows) {
        return new Builder(List.of(workflows));
    }

    /** Builds a {@link WorkflowRun}. */
    public static final class Builder implements TriggerBuilder {
        private final List<String> workflows;
        private List<String> types = List.of();
        private List<String> branches = List.of();
        private List<String> branchesIgnore = List.of();

        private Builder(List<String> workflows) {
            this.workflows = workflows;
        }

        public Builder types(String... v) {
            types = Arrays.asList(v);
            return this;
        }

        public Builder branches(String... v) {
            branches = Arrays.asList(v);
            return this;
        }

        public Builder branchesIgnore(String... v) {
            branchesIgnore = Arrays.asList(v);
            return this;
        }

        public WorkflowRun build() {
            return new WorkflowRun(workflows, types, branches, branchesIgnore);
        }
    }

    @Override
    public <R> R accept(Trigger.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
