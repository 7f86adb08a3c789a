package dev.pipewright.model;

import java.util.Objects;

/** A deployment environment: protection rules (reviewers, wait timers) are configured on GitHub. */
public record Environment(String name, String url, Boolean deployment) {
    public Environment {
        Objects.requireNonNull(name, "environment name == null");
    }

    public static Environment of(String name) {
        return new Environment(name, null, null);
    }

    public static Environment of(String name, String url) {
        return new Environment(name, url, null);
    }
}
