package dev.pipewright.action.release;

import java.time.Instant;
import java.util.Objects;

/** One commit as read from the repository: id, full message, parents and committer time. */
public record GitCommit(String id, String message, int parentCount, Instant time) {
    public GitCommit {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(time, "time == null");
    }

    public String shortId() {
        return id.substring(0, Math.min(7, id.length()));
    }

    public boolean isMerge() {
        return parentCount > 1;
    }
}
