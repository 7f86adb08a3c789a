package dev.pipewright.model.dependabot;

/**
 * {@code dependency-type} of an allow rule; groups accept only {@link #DEVELOPMENT} and {@link
 * #PRODUCTION}.
 */
public enum DependencyType {
    DIRECT("direct"),
    INDIRECT("indirect"),
    ALL("all"),
    PRODUCTION("production"),
    DEVELOPMENT("development");

    private final String yaml;

    DependencyType(String yaml) {
        this.yaml = yaml;
    }

    public String yaml() {
        return yaml;
    }
}
