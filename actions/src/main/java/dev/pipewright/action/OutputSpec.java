package dev.pipewright.action;

import java.util.Objects;

/** One output of an action, as written to {@code $GITHUB_OUTPUT} and declared in action.yml. */
public record OutputSpec(String name, String description) {
    public OutputSpec {
        InputSpec.checkName(name);
        Objects.requireNonNull(description, "description == null");
    }
}
