package dev.pipewright.model.dependabot;

import dev.pipewright.model.util.Lists;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cooldown}: how many days a new release must age before Dependabot proposes it, by default
 * and per semver level, optionally narrowed to or excluding dependency patterns.
 */
public record Cooldown(
        Integer defaultDays,
        Integer semverMajorDays,
        Integer semverMinorDays,
        Integer semverPatchDays,
        List<String> include,
        List<String> exclude) {

    public Cooldown {
        include = Lists.copy(include, "cooldown.include");
        exclude = Lists.copy(exclude, "cooldown.exclude");
    }

    /** {@code cooldown.default-days} alone. */
    public static Cooldown days(int defaultDays) {
        return builder().defaultDays(defaultDays).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Cooldown}; ranges are checked with the rest of the config. */
    public static final class Builder {
        private Integer defaultDays;
        private Integer semverMajorDays;
        private Integer semverMinorDays;
        private Integer semverPatchDays;
        private final List<String> include = new ArrayList<>();
        private final List<String> exclude = new ArrayList<>();

        private Builder() {}

        public Builder defaultDays(int value) {
            defaultDays = value;
            return this;
        }

        public Builder semverMajorDays(int value) {
            semverMajorDays = value;
            return this;
        }

        public Builder semverMinorDays(int value) {
            semverMinorDays = value;
            return this;
        }

        public Builder semverPatchDays(int value) {
            semverPatchDays = value;
            return this;
        }

        /** Dependencies (wildcards allowed) the cooldown applies to; default all. */
        public Builder include(String... patterns) {
            include.addAll(List.of(patterns));
            return this;
        }

        /** Dependencies (wildcards allowed) exempt from the cooldown. */
        public Builder exclude(String... patterns) {
            exclude.addAll(List.of(patterns));
            return this;
        }

        public Cooldown build() {
            return new Cooldown(
                    defaultDays,
                    semverMajorDays,
                    semverMinorDays,
                    semverPatchDays,
                    include,
                    exclude);
        }
    }
}
