package dev.pipewright.model.dependabot;

import dev.pipewright.model.util.Lists;
import java.util.List;

/**
 * One {@code ignore} rule: a dependency name (wildcards allowed), versions or ranges, and/or semver
 * levels.
 */
public record Ignore(String dependencyName, List<String> versions, List<SemverLevel> updateTypes) {

    public Ignore {
        versions = Lists.copy(versions, "ignore versions");
        updateTypes = Lists.copy(updateTypes, "ignore update-types");
    }

    public static Ignore dependency(String name) {
        return new Ignore(name, List.of(), List.of());
    }

    /** This rule narrowed to versions or ranges in the ecosystem's own syntax. */
    public Ignore versions(String... values) {
        return new Ignore(dependencyName, List.of(values), updateTypes);
    }

    /** This rule narrowed to semver levels, e.g. majors only. */
    public Ignore updateTypes(SemverLevel... values) {
        return new Ignore(dependencyName, versions, List.of(values));
    }
}
