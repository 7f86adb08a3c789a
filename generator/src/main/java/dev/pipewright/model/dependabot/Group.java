package dev.pipewright.model.dependabot;

import dev.pipewright.model.util.Lists;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry under {@code groups}: updates matching its rules arrive in one pull request. The name
 * appears in branch names and pull-request titles.
 */
public record Group(
        String name,
        AppliesTo appliesTo,
        DependencyType dependencyType,
        List<String> patterns,
        List<String> excludePatterns,
        List<SemverLevel> updateTypes) {

    /** {@code applies-to}: which kind of update the group collects (default version updates). */
    public enum AppliesTo {
        VERSION_UPDATES("version-updates"),
        SECURITY_UPDATES("security-updates");

        private final String yaml;

        AppliesTo(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }
    }

    public Group {
        Objects.requireNonNull(name, "group name == null");
        patterns = Lists.copy(patterns, "group " + name + " patterns");
        excludePatterns = Lists.copy(excludePatterns, "group " + name + " exclude-patterns");
        updateTypes = Lists.copy(updateTypes, "group " + name + " update-types");
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A group of every dependency ({@code patterns: ["*"]}). */
    public static Group all(String name) {
        return builder(name).patterns("*").build();
    }

    /** Builds a {@link Group}; its rules are checked with the rest of the config. */
    public static final class Builder {
        private final String name;
        private AppliesTo appliesTo;
        private DependencyType dependencyType;
        private final List<String> patterns = new ArrayList<>();
        private final List<String> excludePatterns = new ArrayList<>();
        private final List<SemverLevel> updateTypes = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder appliesTo(AppliesTo value) {
            appliesTo = value;
            return this;
        }

        /** {@link DependencyType#DEVELOPMENT} or {@link DependencyType#PRODUCTION}. */
        public Builder dependencyType(DependencyType value) {
            dependencyType = value;
            return this;
        }

        public Builder patterns(String... values) {
            patterns.addAll(List.of(values));
            return this;
        }

        public Builder excludePatterns(String... values) {
            excludePatterns.addAll(List.of(values));
            return this;
        }

        public Builder updateTypes(SemverLevel... values) {
            updateTypes.addAll(List.of(values));
            return this;
        }

        public Group build() {
            return new Group(
                    name, appliesTo, dependencyType, patterns, excludePatterns, updateTypes);
        }
    }
}
