package dev.pipewright.model.trigger;

import dev.pipewright.model.util.Lists;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** {@code on: pull_request} or {@code pull_request_target}, with activity types and filters. */
public record PullRequest(
        String event,
        List<String> types,
        List<String> branches,
        List<String> branchesIgnore,
        List<String> paths,
        List<String> pathsIgnore)
        implements Trigger {

    public PullRequest {
        Objects.requireNonNull(event, "event == null");
        if (!event.equals("pull_request") && !event.equals("pull_request_target")) {
            throw new IllegalArgumentException(
                    "PullRequest is for pull_request or pull_request_target, not " + event);
        }
        types = Lists.copy(types, event + ".types");
        branches = Lists.copy(branches, event + ".branches");
        branchesIgnore = Lists.copy(branchesIgnore, event + ".branches-ignore");
        paths = Lists.copy(paths, event + ".paths");
        pathsIgnore = Lists.copy(pathsIgnore, event + ".paths-ignore");
    }

    public static Builder builder(String event) {
        return new Builder(event);
    }

    /** Builds a {@link PullRequest}. */
    public static final class Builder implements TriggerBuilder {
        private final String event;
        private List<String> types = List.of();
        private List<String> branches = List.of();
        private List<String> branchesIgnore = List.of();
        private List<String> paths = List.of();
        private List<String> pathsIgnore = List.of();

        private Builder(String event) {
            this.event = event;
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

        public Builder paths(String... v) {
            paths = Arrays.asList(v);
            return this;
        }

        public Builder pathsIgnore(String... v) {
            pathsIgnore = Arrays.asList(v);
            return this;
        }

        public PullRequest build() {
            return new PullRequest(event, types, branches, branchesIgnore, paths, pathsIgnore);
        }
    }

    @Override
    public <R> R accept(Trigger.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
