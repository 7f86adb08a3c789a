package dev.pipewright.stacks;

import java.util.List;
import java.util.Objects;

/**
 * A named, typed, documented parameter of a {@link Stack}: the same object gives the Java setter,
 * the {@code pipewright.yml} key, its JSON-schema type and the comment {@code pipewright init} writes.
 *
 * @param type String, Integer, Boolean or List (of strings)
 */
public record Parameter<T>(String name, Class<T> type, T defaultValue, String description) {
    public Parameter {
        Objects.requireNonNull(name, "name == null");
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' is not kebab-case");
        }
        if (type != String.class && type != Integer.class && type != Boolean.class && type != List.class) {
            throw new IllegalArgumentException("parameter " + name + " has type " + type + "; use String, Integer, Boolean or List");
        }
        Objects.requireNonNull(defaultValue, () -> "parameter " + name + " needs a default");
        Objects.requireNonNull(description, "description == null");
    }

    public static Parameter<String> string(String name, String defaultValue, String description) {
        return new Parameter<>(name, String.class, defaultValue, description);
    }

    public static Parameter<Integer> integer(String name, int defaultValue, String description) {
        return new Parameter<>(name, Integer.class, defaultValue, description);
    }

    public static Parameter<Boolean> flag(String name, boolean defaultValue, String description) {
        return new Parameter<>(name, Boolean.class, defaultValue, description);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Parameter<List<String>> list(String name, List<String> defaultValue, String description) {
        return new Parameter(name, List.class, List.copyOf(defaultValue), description);
    }

    /** The JSON-schema type of the value. */
    public String schemaType() {
        if (type == Integer.class) {
            return "integer";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        return type == List.class ? "array" : "string";
    }
}
