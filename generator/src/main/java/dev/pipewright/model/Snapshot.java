package dev.pipewright.model;

import java.util.Objects;

/**
 * {@code snapshot:} of a job: after the job succeeds, GitHub saves the runner as a custom image
 * with this name (optionally only when {@code condition} holds, and at a major {@code version}).
 */
public record Snapshot(String imageName, String condition, String version) {
    public Snapshot {
        Objects.requireNonNull(imageName, "snapshot image name == null");
        if (imageName.isBlank()) {
            throw new IllegalArgumentException("snapshot image name is blank");
        }
    }

    public static Snapshot of(String imageName) {
        return new Snapshot(imageName, null, null);
    }

    public Snapshot onlyIf(String value) {
        return new Snapshot(imageName, value, version);
    }

    public Snapshot version(String value) {
        return new Snapshot(imageName, condition, value);
    }
}
