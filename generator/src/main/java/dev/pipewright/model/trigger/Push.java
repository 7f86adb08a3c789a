package dev.pipewright.model.trigger;

import dev.pipewright.model.util.Lists;
import java.util.Arrays;
import java.util.List;

/** {@code on: push} with branch, tag and path filters. */
public record Push(
        List<String> branches,
        List<String> branchesIgnore,
        List<String> tags,
        List<String> tagsIgnore,
        List<String> paths,
        List<String> pathsIgnore)
        implements Trigger {

    public Push {
        branches = Lists.copy(branches, "push.branches");
        branchesIgnore = Lists.copy(branchesIgnore, "push.branches-ignore");
        tags = Lists.copy(tags, "push.tags");
        tagsIgnore = Lists.copy(tagsIgnore, "push.tags-ignore");
        paths = Lists.copy(paths, "push.paths");
        pathsIgnore = Lists.copy(pathsIgnore, "push.paths-ignore");
    }

    @Override
    public String event() {
        return "push";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Push}. */
    public static final class Builder implements TriggerBuilder {
        private List<String> branches = List.of();
        private List<String> branchesIgnore = List.of();
        private List<String> tags = List.of();
        private List<String> tagsIgnore = List.of();
        private List<String> paths = List.of();
        private List<String> pathsIgnore = List.of();

        public Builder branches(String... v) {
            branches = Arrays.asList(v);
            return this;
        }

        public Builder branchesIgnore(String... v) {
            branchesIgnore = Arrays.asList(v);
            return this;
        }

        public Builder tags(String... v) {
            tags = Arrays.asList(v);
            return this;
        }

        public Builder tagsIgnore(String... v) {
            tagsIgnore = Arrays.asList(v);
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

        public Push build() {
            return new Push(branches, branchesIgnore, tags, tagsIgnore, paths, pathsIgnore);
        }
    }

    @Override
    public <R> R accept(Trigger.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
