package dev.pipewright.model;

import java.util.Objects;

/**
 * A concurrency group. {@code cancelInProgress} is a Boolean or an expression string (e.g. cancel
 * superseded pull-request runs but never a release); {@code queue} is GitHub's {@code single}
 * (default: one pending run) or {@code max} (keep every pending run in order).
 */
public record Concurrency(String group, Object cancelInProgress, String queue) {
    public Concurrency {
        Objects.requireNonNull(group, "concurrency group == null");
        if (group.isBlank()) {
            throw new IllegalArgumentException("concurrency group is blank");
        }
        if (cancelInProgress != null
                && !(cancelInProgress instanceof Boolean)
                && !(cancelInProgress instanceof String)) {
            throw new IllegalArgumentException(
                    "cancel-in-progress must be a boolean or an expression");
        }
        if (queue != null && !queue.equals("single") && !queue.equals("max")) {
            throw new IllegalArgumentException(
                    "concurrency queue is '" + queue + "'; GitHub accepts single or max");
        }
    }

    /**
     * A copy that keeps every pending run queued ({@code queue: max}) or only the newest ({@code
     * single}).
     */
    public Concurrency withQueue(String value) {
        return new Concurrency(group, cancelInProgress, value);
    }

    public static Concurrency of(String group) {
        return new Concurrency(group, null, null);
    }

    public static Concurrency of(String group, boolean cancelInProgress) {
        return new Concurrency(group, cancelInProgress, null);
    }

    public static Concurrency of(String group, String cancelInProgressExpression) {
        return new Concurrency(group, cancelInProgressExpression, null);
    }
}
