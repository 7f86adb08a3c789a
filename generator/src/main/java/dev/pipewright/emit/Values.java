package dev.pipewright.emit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Converts the model's open values (custom keys, with, matrix entries) into YAML nodes. */
final class Values {
    private Values() {}

    static YamlNode node(Object value) {
        if (value instanceof YamlNode n) {
            return n;
        }
        if (value instanceof String s) {
            return YamlScalar.of(s);
        }
        if (value instanceof Boolean b) {
            return YamlScalar.of(b);
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            return YamlScalar.of(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return YamlScalar.of(d);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(
                        "cannot write " + d + " as a YAML number GitHub reads");
            }
            return YamlScalar.of(BigDecimal.valueOf(d));
        }
        if (value instanceof List<?> list) {
            return new YamlSeq(list.stream().map(Values::node).toList());
        }
        if (value instanceof Map<?, ?> map) {
            YamlMap m = new YamlMap();
            map.forEach((k, v) -> m.put(String.valueOf(k), node(v)));
            return m;
        }
        throw new IllegalArgumentException(
                "cannot write a " + value.getClass().getName() + " into a workflow");
    }

    static YamlMap map(Map<String, ?> values) {
        YamlMap m = new YamlMap();
        values.forEach((k, v) -> m.put(k, node(v)));
        return m;
    }

    static void putAll(YamlMap target, Map<String, ?> values) {
        values.forEach((k, v) -> target.put(k, node(v)));
    }

    /**
     * One item as a scalar, several as a sequence (GitHub accepts both for needs, runs-on, labels).
     */
    static YamlNode oneOrMany(List<String> items) {
        return items.size() == 1 ? YamlScalar.of(items.get(0)) : YamlSeq.ofStrings(items);
    }

    static void putList(YamlMap target, String key, List<String> items) {
        if (!items.isEmpty()) {
            target.put(key, YamlSeq.ofStrings(items));
        }
    }
}
