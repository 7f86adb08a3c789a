package dev.pipewright.model.dependabot;

import dev.pipewright.model.util.Lists;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One entry under {@code updates}: an ecosystem in one or more directories, checked on a schedule.
 * Built through {@link #builder}; the whole config is validated by {@link
 * DependabotConfig.Builder#build()}, which names each update by index, ecosystem and directory.
 */
public record Update(
        Ecosystem ecosystem,
        String directory,
        List<String> directories,
        Schedule schedule,
        String targetBranch,
        Cooldown cooldown,
        List<Allow> allow,
        List<Ignore> ignore,
        Map<String, Group> groups,
        List<String> registries,
        VersioningStrategy versioningStrategy,
        Integer openPullRequestsLimit,
        RebaseStrategy rebaseStrategy,
        Boolean insecureExternalCodeExecution,
        Boolean vendor,
        CommitMessage commitMessage,
        List<String> labels,
        List<String> assignees,
        Integer milestone,
        String pullRequestBranchSeparator,
        Map<String, Object> custom) {

    /** {@code versioning-strategy}: how manifest requirements change. */
    public enum VersioningStrategy {
        AUTO,
        INCREASE,
        INCREASE_IF_NECESSARY,
        LOCKFILE_ONLY,
        WIDEN;

        public String yaml() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code rebase-strategy}. */
    public enum RebaseStrategy {
        AUTO,
        DISABLED;

        public String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The value that stands for every registry in {@code registries}. */
    public static final String ALL_REGISTRIES = "*";

    public Update {
        Objects.requireNonNull(ecosystem, "package-ecosystem == null");
        Objects.requireNonNull(schedule, "schedule == null");
        directories = Lists.copy(directories, "directories");
        allow = Lists.copy(allow, "allow");
        ignore = Lists.copy(ignore, "ignore");
        groups = Lists.copy(groups, "groups");
        registries = Lists.copy(registries, "registries");
        // null: Dependabot's default label; empty: "labels: []", no labels at all.
        labels = labels == null ? null : Lists.copy(labels, "labels");
        assignees = Lists.copy(assignees, "assignees");
        custom = Lists.copy(custom, "custom keys");
    }

    public static Builder builder(Ecosystem ecosystem, Schedule schedule) {
        return new Builder(ecosystem, schedule);
    }

    /** How messages name this update: ecosystem and directory (or directories). */
    public String label() {
        String where =
                directory != null
                        ? directory
                        : directories.isEmpty() ? "(no directory)" : String.join(",", directories);
        return ecosystem.value() + " " + where + (targetBranch == null ? "" : " → " + targetBranch);
    }

    /** A builder pre-filled with this update, for overrides. */
    public Builder toBuilder() {
        Builder b = new Builder(ecosystem, schedule);
        b.directory = directory;
        b.directories.addAll(directories);
        b.targetBranch = targetBranch;
        b.cooldown = cooldown;
        b.allow.addAll(allow);
        b.ignore.addAll(ignore);
        b.groups.putAll(groups);
        b.registries.addAll(registries);
        b.versioningStrategy = versioningStrategy;
        b.openPullRequestsLimit = openPullRequestsLimit;
        b.rebaseStrategy = rebaseStrategy;
        b.insecureExternalCodeExecution = insecureExternalCodeExecution;
        b.vendor = vendor;
        b.commitMessage = commitMessage;
        b.labels = labels == null ? null : new ArrayList<>(labels);
        b.assignees.addAll(assignees);
        b.milestone = milestone;
        b.pullRequestBranchSeparator = pullRequestBranchSeparator;
        b.custom.putAll(custom);
        return b;
    }

    /** Builds an {@link Update}. */
    public static final class Builder {
        private final Ecosystem ecosystem;
        private Schedule schedule;
        private String directory;
        private final List<String> directories = new ArrayList<>();
        private String targetBranch;
        private Cooldown cooldown;
        private final List<Allow> allow = new ArrayList<>();
        private final List<Ignore> ignore = new ArrayList<>();
        private final Map<String, Group> groups = new LinkedHashMap<>();
        private final List<String> registries = new ArrayList<>();
        private VersioningStrategy versioningStrategy;
        private Integer openPullRequestsLimit;
        private RebaseStrategy rebaseStrategy;
        private Boolean insecureExternalCodeExecution;
        private Boolean vendor;
        private CommitMessage commitMessage;
        private List<String> labels;
        private final List<String> assignees = new ArrayList<>();
        private Integer milestone;
        private String pullRequestBranchSeparator;
        private final Map<String, Object> custom = new LinkedHashMap<>();

        private Builder(Ecosystem ecosystem, Schedule schedule) {
            this.ecosystem = ecosystem;
            this.schedule = schedule;
        }

        /** The one directory of the manifests, e.g. {@code /} or {@code /web}. */
        public Builder directory(String value) {
            directory = value;
            return this;
        }

        /** Several directories (globs allowed); exclusive with {@link #directory}. */
        public Builder directories(String... values) {
            directories.addAll(List.of(values));
            return this;
        }

        public Builder schedule(Schedule value) {
            schedule = value;
            return this;
        }

        public Builder targetBranch(String value) {
            targetBranch = value;
            return this;
        }

        public Builder cooldown(Cooldown value) {
            cooldown = value;
            return this;
        }

        public Builder allow(Allow... rules) {
            allow.addAll(List.of(rules));
            return this;
        }

        public Builder ignore(Ignore... rules) {
            ignore.addAll(List.of(rules));
            return this;
        }

        /** Adds a group; groups keep the order they are added in (the first match wins). */
        public Builder group(Group value) {
            if (groups.putIfAbsent(value.name(), value) != null) {
                throw new IllegalArgumentException(
                        "update " + ecosystem + " has two groups named " + value.name());
            }
            return this;
        }

        /** Registry names from the top-level {@code registries}. */
        public Builder registries(String... names) {
            registries.addAll(List.of(names));
            return this;
        }

        /** {@code registries: "*"}: every registry defined at the top level. */
        public Builder allRegistries() {
            registries.clear();
            registries.add(ALL_REGISTRIES);
            return this;
        }

        public Builder versioningStrategy(VersioningStrategy value) {
            versioningStrategy = value;
            return this;
        }

        /** 0 disables version updates and keeps security updates. */
        public Builder openPullRequestsLimit(int value) {
            openPullRequestsLimit = value;
            return this;
        }

        public Builder rebaseStrategy(RebaseStrategy value) {
            rebaseStrategy = value;
            return this;
        }

        /** {@code insecure-external-code-execution: allow} (true) or {@code deny} (false). */
        public Builder insecureExternalCodeExecution(boolean allowed) {
            insecureExternalCodeExecution = allowed;
            return this;
        }

        public Builder vendor(boolean value) {
            vendor = value;
            return this;
        }

        public Builder commitMessage(CommitMessage value) {
            commitMessage = value;
            return this;
        }

        /** Labels on the pull requests, replacing Dependabot's default {@code dependencies}. */
        public Builder labels(String... values) {
            if (labels == null) {
                labels = new ArrayList<>();
            }
            labels.addAll(List.of(values));
            return this;
        }

        /** {@code labels: []}: no labels at all. */
        public Builder noLabels() {
            labels = new ArrayList<>();
            return this;
        }

        public Builder assignees(String... values) {
            assignees.addAll(List.of(values));
            return this;
        }

        /** The numeric id of a milestone, not its title. */
        public Builder milestone(int value) {
            milestone = value;
            return this;
        }

        /** {@code pull-request-branch-name.separator}: {@code -}, {@code _} or {@code /}. */
        public Builder pullRequestBranchSeparator(String value) {
            pullRequestBranchSeparator = value;
            return this;
        }

        /** A key this version does not model, written after the known ones. */
        public Builder custom(String key, Object value) {
            custom.put(key, value);
            return this;
        }

        public Update build() {
            return new Update(
                    ecosystem,
                    directory,
                    directories,
                    schedule,
                    targetBranch,
                    cooldown,
                    allow,
                    ignore,
                    groups,
                    registries,
                    versioningStrategy,
                    openPullRequestsLimit,
                    rebaseStrategy,
                    insecureExternalCodeExecution,
                    vendor,
                    commitMessage,
                    labels,
                    assignees,
                    milestone,
                    pullRequestBranchSeparator,
                    custom);
        }
    }
}
