package dev.pipewright.model;

import java.util.Locale;

/** A permission level as GitHub spells it. */
public enum PermissionLevel {
    READ,
    WRITE,
    NONE;

    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }
}
