package dev.pipewright.action;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One input of an action: how it appears in action.yml, as a CLI flag ({@code --name}) and as an
 * {@code INPUT_*} variable.
 *
 * @param multiple several values (one per line in YAML, a repeated flag on the CLI)
 * @param secret masked with {@code ::add-mask::} before the action logs anything
 * @param example the value the action's README passes in its example workflow (required inputs need
 *     one, except secrets, which default to {@code ${{ secrets.<NAME> }}})
 */
public record InputSpec(
        String name,
        String description,
        boolean required,
        String defaultValue,
        boolean secret,
        boolean multiple,
        String example) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public InputSpec {
        checkName(name);
        Objects.requireNonNull(description, "description == null");
        if (required && defaultValue != null) {
            throw new IllegalArgumentException(
                    "input '" + name + "' is required and has a default; pick one");
        }
    }

    /** An input without an example value. */
    public InputSpec(
            String name,
            String description,
            boolean required,
            String defaultValue,
            boolean secret,
            boolean multiple) {
        this(name, description, required, defaultValue, secret, multiple, null);
    }

    /** An optional input without default; refine it with the {@code with…} methods. */
    public static InputSpec of(String name, String description) {
        return new InputSpec(name, description, false, null, false, false);
    }

    public InputSpec asRequired() {
        return new InputSpec(name, description, true, null, secret, multiple, example);
    }

    public InputSpec withDefault(String value) {
        return new InputSpec(
                name, description, false, Objects.requireNonNull(value), secret, multiple, example);
    }

    public InputSpec secretValue() {
        return new InputSpec(name, description, required, defaultValue, true, multiple, example);
    }

    public InputSpec multipleValues() {
        return new InputSpec(name, description, required, defaultValue, secret, true, example);
    }

    /** The value the README's example workflow passes (several values: one per line). */
    public InputSpec withExample(String value) {
        return new InputSpec(
                name,
                description,
                required,
                defaultValue,
                secret,
                multiple,
                Objects.requireNonNull(value));
    }

    /**
     * The value for the README's example: the declared example, or a secret reference for a
     * required secret ({@code ${{ secrets.SIGNING_KEY }}} for {@code signing-key}); empty when
     * there is neither.
     */
    public Optional<String> exampleValue() {
        if (example != null) {
            return Optional.of(example);
        }
        if (secret && required) {
            return Optional.of(
                    "${{ secrets." + name.replace('-', '_').toUpperCase(Locale.ROOT) + " }}");
        }
        return Optional.empty();
    }

    /**
     * The variable the runner sets: upper-cased, spaces to underscores, hyphens kept (as
     * actions/runner does).
     */
    public String envName() {
        return envName(name);
    }

    public static String envName(String inputName) {
        return "INPUT_" + inputName.replace(' ', '_').toUpperCase(Locale.ROOT);
    }

    static void checkName(String name) {
        Objects.requireNonNull(name, "name == null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name '" + name + "' is not kebab-case ([a-z][a-z0-9-]*)");
        }
    }
}
