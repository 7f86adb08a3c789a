package dev.pipewright.stacks;

import java.util.List;
import java.util.Objects;

/**
 * A named, typed, documented parameter of a {@link Stack}: the same object gives the Java setter,
 * the {@code pipewright.yml} key, its JSON-schema type and the comment {@code pipewright init}
 * writes.
 *
 * <p>Values reach {@code run:} scripts, file names and action inputs, so each string (or list item)
 * has a {@code pattern} it must match and each integer a range: a spec or a Java pipeline with
 * {@code plugin: "x; rm -rf /"} or {@code coverage: 150} is refused where it is written, not turned
 * into a broken or dangerous workflow.
 *
 * @param type String, Integer, Boolean or List (of strings)
 * @param pattern regular expression every string value (or list item) matches in whole; null for
 *     none
 * @param minimum least integer value, null for none
 * @param maximum greatest integer value, null for none
 * @param defaultValue the value when unset; null for a required parameter, one a stack cannot guess
 *     (a registry, a host): a made-up default such as {@code ghcr.io/example} would generate
 *     workflows that fail only when run
 * @param example for a required parameter, a value {@code pipewright init} and the error for a
 *     missing value suggest; null otherwise
 */
public record Parameter<T>(
        String name,
        Class<T> type,
        T defaultValue,
        String description,
        String pattern,
        Integer minimum,
        Integer maximum,
        T example) {
    public Parameter {
        Objects.requireNonNull(name, "name == null");
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' is not kebab-case");
        }
        if (type != String.class
                && type != Integer.class
                && type != Boolean.class
                && type != List.class) {
            throw new IllegalArgumentException(
                    "parameter "
                            + name
                            + " has type "
                            + type
                            + "; use String, Integer, Boolean or List");
        }
        if ((defaultValue == null) == (example == null)) {
            throw new IllegalArgumentException(
                    "parameter "
                            + name
                            + " needs either a default or, when required, an"
                            + " example; it has "
                            + (defaultValue == null ? "neither" : "both"));
        }
        Objects.requireNonNull(description, "description == null");
        String own =
                problemOf(defaultValue == null ? example : defaultValue, pattern, minimum, maximum);
        if (own != null) {
            throw new IllegalArgumentException(
                    (defaultValue == null ? "example" : "default")
                            + " of parameter "
                            + name
                            + " "
                            + own);
        }
    }

    public Parameter(String name, Class<T> type, T defaultValue, String description) {
        this(name, type, defaultValue, description, null, null, null, null);
    }

    /** True when the parameter has no default: every use of its stack sets it. */
    public boolean required() {
        return defaultValue == null;
    }

    /** The same parameter whose string values (or list items) must match {@code regex} in whole. */
    public Parameter<T> matching(String regex) {
        return new Parameter<>(
                name, type, defaultValue, description, regex, minimum, maximum, example);
    }

    /** The same integer parameter limited to {@code [min, max]} (null for no bound). */
    public Parameter<T> between(Integer min, Integer max) {
        return new Parameter<>(name, type, defaultValue, description, pattern, min, max, example);
    }

    /** Why {@code value} is not acceptable, or null. */
    public String problem(Object value) {
        if (!type.isInstance(value)) {
            return "must be a " + schemaType() + ", not " + value;
        }
        return problemOf(value, pattern, minimum, maximum);
    }

    private static String problemOf(
            Object value, String pattern, Integer minimum, Integer maximum) {
        if (value instanceof Integer i) {
            if (minimum != null && i < minimum || maximum != null && i > maximum) {
                return "is "
                        + i
                        + ", outside "
                        + (minimum == null ? "(-∞" : "[" + minimum)
                        + ", "
                        + (maximum == null ? "∞)" : maximum + "]");
            }
        } else if (pattern != null && value instanceof String str && !str.matches(pattern)) {
            return "'" + str + "' does not match " + pattern;
        } else if (pattern != null && value instanceof List<?> list) {
            for (Object item : list) {
                if (!String.valueOf(item).matches(pattern)) {
                    return "has '" + item + "', which does not match " + pattern;
                }
            }
        }
        return null;
    }

    public static Parameter<String> string(String name, String defaultValue, String description) {
        return new Parameter<>(name, String.class, defaultValue, description);
    }

    /**
     * A string without a default; {@code example} is what the error for a missing value and the
     * starter suggest.
     */
    public static Parameter<String> requiredString(
            String name, String description, String example) {
        return new Parameter<>(name, String.class, null, description, null, null, null, example);
    }

    public static Parameter<Integer> integer(String name, int defaultValue, String description) {
        return new Parameter<>(name, Integer.class, defaultValue, description);
    }

    public static Parameter<Boolean> flag(String name, boolean defaultValue, String description) {
        return new Parameter<>(name, Boolean.class, defaultValue, description);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Parameter<List<String>> list(
            String name, List<String> defaultValue, String description) {
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
