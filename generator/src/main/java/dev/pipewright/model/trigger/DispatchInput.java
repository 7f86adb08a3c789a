package dev.pipewright.model.trigger;

import dev.pipewright.model.util.Lists;
import java.util.List;
import java.util.Objects;

/**
 * One {@code workflow_dispatch} input. The default is a String, Boolean or Number matching the
 * type; a choice lists its options and its default must be one of them.
 */
public record DispatchInput(
        String description,
        InputType type,
        boolean required,
        Object defaultValue,
        List<String> options) {

    public DispatchInput {
        Objects.requireNonNull(type, "type == null");
        options = Lists.copy(options, "options");
        if (type == InputType.CHOICE && options.isEmpty()) {
            throw new IllegalArgumentException("a choice input needs options");
        }
        if (type != InputType.CHOICE && !options.isEmpty()) {
            throw new IllegalArgumentException(
                    "only a choice input takes options, not a " + type.yaml() + " input");
        }
        InputDefaults.check(type, defaultValue);
        if (type == InputType.CHOICE && defaultValue != null && !options.contains(defaultValue)) {
            throw new IllegalArgumentException(
                    "default '" + defaultValue + "' is not one of the options " + options);
        }
    }

    public static DispatchInput string(String description) {
        return new DispatchInput(description, InputType.STRING, false, null, List.of());
    }

    public static DispatchInput bool(String description, boolean defaultValue) {
        return new DispatchInput(description, InputType.BOOLEAN, false, defaultValue, List.of());
    }

    public static DispatchInput number(String description) {
        return new DispatchInput(description, InputType.NUMBER, false, null, List.of());
    }

    public static DispatchInput choice(String description, String defaultValue, String... options) {
        return new DispatchInput(
                description, InputType.CHOICE, false, defaultValue, List.of(options));
    }

    public static DispatchInput environment(String description) {
        return new DispatchInput(description, InputType.ENVIRONMENT, false, null, List.of());
    }

    public DispatchInput asRequired() {
        return new DispatchInput(description, type, true, defaultValue, options);
    }

    public DispatchInput withDefault(Object value) {
        return new DispatchInput(description, type, required, value, options);
    }
}
