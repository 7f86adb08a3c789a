package dev.pipewright.action.release;

import java.util.List;
import java.util.Objects;

/**
 * One commit as it appears in the notes.
 *
 * @param parsed the Conventional Commit, or null for a commit kept although it is not conventional
 * @param group the section title
 */
public record Change(GitCommit commit, ConventionalCommit parsed, String group) {
    public Change {
        Objects.requireNonNull(commit, "commit == null");
        Objects.requireNonNull(group, "group == null");
    }

    public String scope() {
        return parsed == null ? null : parsed.scope();
    }

    /** The description, or the first line of a non-conventional message. */
    public String description() {
        return parsed != null
                ? parsed.description()
                : commit.message().strip().lines().findFirst().orElse("");
    }

    public boolean breaking() {
        return parsed != null && parsed.breaking();
    }

    public String breakingDescription() {
        return parsed == null ? null : parsed.breakingDescription();
    }

    public boolean isFeature() {
        return parsed != null && parsed.typeKey().equals("feat");
    }

    public List<String> references() {
        return parsed == null ? List.of() : parsed.references();
    }
}
