package dev.pipewright.model.trigger;

import java.util.Locale;

/** Types of {@code workflow_dispatch} and {@code workflow_call} inputs. */
public enum InputType {
    STRING,
    BOOLEAN,
    NUMBER,
    CHOICE,
    ENVIRONMENT;

    /** The YAML spelling. */
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }
}
