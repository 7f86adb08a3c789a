package dev.pipewright.action;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to an action's inputs as the runner passes them ({@code INPUT_<NAME>}, trimmed like
 * {@code @actions/core}); every parse error names the input.
 */
public final class Inputs {
    private final ActionDescriptor descriptor;
    private final Map<String, String> env;

    public Inputs(ActionDescriptor descriptor, Map<String, String> env) {
        this.descriptor = descriptor;
        this.env = Map.copyOf(env);
    }

    /**
     * The trimmed value, the declared default when unset or empty, or empty; fails on a missing
     * required input.
     */
    public Optional<String> optional(String name) {
        InputSpec spec = spec(name);
        String value = env.get(spec.envName());
        if (value != null && !value.trim().isEmpty()) {
            return Optional.of(value.trim());
        }
        if (spec.required()) {
            throw InputException.forInput(
                    name,
                    "is required but was not given (set it under 'with:' or pass --" + name + ")");
        }
        return Optional.ofNullable(spec.defaultValue()).filter(s -> !s.isEmpty());
    }

    /**
     * The trimmed value when the input was given, ignoring its default: a runner passes every
     * default of action.yml, a local run only what the user typed, so a file that only a default
     * names is not written outside a runner.
     */
    public Optional<String> given(String name) {
        String value = env.get(spec(name).envName());
        return value == null || value.trim().isEmpty()
                ? Optional.empty()
                : Optional.of(value.trim());
    }

    public String string(String name) {
        return optional(name).orElse("");
    }

    /**
     * YAML 1.2 core booleans only, as {@code core.getBooleanInput}: anything else is an error, not
     * false.
     */
    public boolean bool(String name) {
        String v = optional(name).orElse("false");
        switch (v) {
            case "true", "True", "TRUE":
                return true;
            case "false", "False", "FALSE":
                return false;
            default:
                throw InputException.forInput(name, "expected true or false, got '" + v + "'");
        }
    }

    public Optional<Integer> integer(String name, int min, int max) {
        return optional(name)
                .map(
                        v -> {
                            int n;
                            try {
                                n = Integer.parseInt(v);
                            } catch (NumberFormatException e) {
                                throw InputException.forInput(
                                        name, "expected a whole number, got '" + v + "'");
                            }
                            if (n < min || n > max) {
                                throw InputException.forInput(
                                        name,
                                        "must be between " + min + " and " + max + ", got " + n);
                            }
                            return n;
                        });
    }

    /** A decimal such as {@code 80}, {@code 80.5} or {@code 80%} within {@code [min, max]}. */
    public Optional<BigDecimal> decimal(String name, BigDecimal min, BigDecimal max) {
        return optional(name).map(v -> parseDecimal(name, v, min, max));
    }

    static BigDecimal parseDecimal(String name, String raw, BigDecimal min, BigDecimal max) {
        String v = raw.endsWith("%") ? raw.substring(0, raw.length() - 1).trim() : raw;
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw InputException.forInput(name, "expected a number, got '" + raw + "'");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw InputException.forInput(
                    name,
                    "must be between "
                            + min.toPlainString()
                            + " and "
                            + max.toPlainString()
                            + ", got "
                            + d.toPlainString());
        }
        return d;
    }

    /** Values split on newlines and commas, trimmed, empty entries dropped. */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String part : string(name).split("[\\r\\n,]+")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Lines, trimmed, blank lines dropped; for values that may themselves contain commas. */
    public List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        for (String part : string(name).split("\\r?\\n")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Values of every input declared secret, for masking before anything is logged. */
    public List<String> secretValues() {
        List<String> out = new ArrayList<>();
        for (InputSpec spec : descriptor.inputs()) {
            String v = env.get(spec.envName());
            if (spec.secret() && v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    private InputSpec spec(String name) {
        return descriptor
                .input(name)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "action '"
                                                + descriptor.id()
                                                + "' declares no input '"
                                                + name
                                                + "'"));
    }
}
