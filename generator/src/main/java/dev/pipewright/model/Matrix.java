package dev.pipewright.model;

import dev.pipewright.model.util.Lists;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job matrix: axes in insertion order (each a list of values or an expression), include and
 * exclude entries, or one expression for the whole matrix ({@code ${{ fromJSON(…) }}}).
 */
public record Matrix(
        Map<String, Object> axes,
        List<Map<String, Object>> include,
        List<Map<String, Object>> exclude,
        String expression) {

    public Matrix {
        axes = Lists.copy(axes, "matrix");
        include = copyEntries(include, "matrix.include");
        exclude = copyEntries(exclude, "matrix.exclude");
        if (expression != null && (!axes.isEmpty() || !include.isEmpty() || !exclude.isEmpty())) {
            throw new IllegalArgumentException(
                    "a matrix given as one expression has no axes, include or exclude");
        }
        if (expression == null && axes.isEmpty() && include.isEmpty()) {
            throw new IllegalArgumentException("matrix has no axis and no include entry");
        }
        axes.forEach(
                (k, v) -> {
                    if (k.equals("include") || k.equals("exclude")) {
                        throw new IllegalArgumentException(
                                "a matrix axis cannot be named "
                                        + k
                                        + "; GitHub reads that key as the matrix's "
                                        + k
                                        + " entries");
                    }
                    if (!(v instanceof List<?>) && !(v instanceof String)) {
                        throw new IllegalArgumentException(
                                "matrix axis " + k + " must be a list of values or an expression");
                    }
                    if (v instanceof List<?> l && l.isEmpty()) {
                        throw new IllegalArgumentException("matrix axis " + k + " has no value");
                    }
                });
    }

    private static List<Map<String, Object>> copyEntries(
            List<Map<String, Object>> in, String what) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : Lists.copy(in, what)) {
            out.add(Lists.copy(m, what));
        }
        return List.copyOf(out);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Matrix fromExpression(String expression) {
        return new Matrix(Map.of(), List.of(), List.of(), expression);
    }

    /** Builds a {@link Matrix}. */
    public static final class Builder {
        private final Map<String, Object> axes = new LinkedHashMap<>();
        private final List<Map<String, Object>> include = new ArrayList<>();
        private final List<Map<String, Object>> exclude = new ArrayList<>();

        public Builder axis(String name, Object... values) {
            axes.put(name, List.of(values));
            return this;
        }

        public Builder axisExpression(String name, String expression) {
            axes.put(name, expression);
            return this;
        }

        public Builder include(Map<String, Object> entry) {
            include.add(entry);
            return this;
        }

        public Builder exclude(Map<String, Object> entry) {
            exclude.add(entry);
            return this;
        }

        public Matrix build() {
            return new Matrix(axes, include, exclude, null);
        }
    }
}
