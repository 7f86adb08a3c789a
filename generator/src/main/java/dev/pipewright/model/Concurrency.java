package dev.pipewright.model;

import java.util.Objects;

/**
 * A concurrency group. {@code cancelInProgress} is a Boolean or an expression string
 * (e.g. cancel superseded pull-request runs but never a release).
 */
public record Concurrency(String group, Object cancelInProgress) {
    public Concurrency {
        Objects.requireNonNull(group, "concurrency group == null");
        if (group.isBlank()) {
            throw new IllegalArgumentException("concurrency group is blank");
        }
        if (cancelInProgress != null && !(cancelInProgress instanceof Boolean) && !(cancelInProgress instanceof String)) {
            throw new IllegalArgumentException("cancel-in-progress must be a boolean or an expression");
        }
    }

    public static Concurrency of(String group) {
        return new Concurrency(group, null);
    }

    public static Concurrency of(String group, boolean cancelInProgress) {
        return new Concurrency(group, cancelInProgress);
    }

    public static Concurrency of(String group, String cancelInProgressExpression) {
        return new Concurrency(group, cancelInProgressExpression);
    }
}
