package dev.pipewright.model.dependabot;

/** One {@code allow} rule: a dependency name (wildcards allowed), a dependency type, or both. */
public record Allow(String dependencyName, DependencyType dependencyType) {

    public static Allow dependency(String name) {
        return new Allow(name, null);
    }

    public static Allow type(DependencyType type) {
        return new Allow(null, type);
    }
}
