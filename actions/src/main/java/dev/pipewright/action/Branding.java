package dev.pipewright.action;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Marketplace branding of an action: a Feather icon name and one of GitHub's badge colours. */
public record Branding(String icon, String color) {
    private static final Set<String> COLORS =
            Set.of(
                    "white",
                    "black",
                    "yellow",
                    "blue",
                    "green",
                    "orange",
                    "red",
                    "purple",
                    "gray-dark");

    public Branding {
        Objects.requireNonNull(icon, "icon == null");
        Objects.requireNonNull(color, "color == null");
        if (!COLORS.contains(color)) {
            throw new IllegalArgumentException(
                    "branding color '" + color + "' is not one of " + new TreeSet<>(COLORS));
        }
    }
}
