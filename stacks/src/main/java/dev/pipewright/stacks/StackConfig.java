package dev.pipewright.stacks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Parameter values (unset ones take their defaults) and overrides for one use of a stack. */
public final class StackConfig {
    private final Map<String, Object> values;
    private final List<StackOverride> overrides;

    private StackConfig(Map<String, Object> values, List<StackOverride> overrides) {
        this.values = Map.copyOf(values);
        this.overrides = List.copyOf(overrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static StackConfig defaults() {
        return builder().build();
    }

    /** The value, or the parameter's default; a required parameter that is unset is refused. */
    @SuppressWarnings("unchecked")
    public <T> T get(Parameter<T> p) {
        Object v = values.get(p.name());
        if (v == null && p.required()) {
            throw new IllegalArgumentException(missing(p));
        }
        return v == null ? p.defaultValue() : (T) v;
    }

    /** The one-line error for a required parameter left unset, with its example as the fix. */
    public static String missing(Parameter<?> p) {
        return "parameter "
                + p.name()
                + " is required (no default), "
                + p.description().replaceFirst("\\.$", "")
                + ": set it, for example "
                + p.name()
                + ": "
                + p.example();
    }

    public Map<String, Object> values() {
        return values;
    }

    public List<StackOverride> overrides() {
        return overrides;
    }

    /** Builds a {@link StackConfig}. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<StackOverride> overrides = new ArrayList<>();

        public <T> Builder set(Parameter<T> p, T value) {
            Objects.requireNonNull(value, () -> p.name() + " == null");
            String problem = p.problem(value);
            if (problem != null) {
                throw new IllegalArgumentException("parameter " + p.name() + " " + problem);
            }
            values.put(p.name(), p.type() == List.class ? List.copyOf((List<?>) value) : value);
            return this;
        }

        /** A value by name, checked against the stack's parameters when the stack runs. */
        public Builder setRaw(String name, Object value) {
            values.put(name, value);
            return this;
        }

        public Builder override(StackOverride o) {
            overrides.add(o);
            return this;
        }

        public StackConfig build() {
            return new StackConfig(values, overrides);
        }
    }
}
