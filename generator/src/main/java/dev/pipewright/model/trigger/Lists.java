package dev.pipewright.model.trigger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Defensive copies for trigger records, like {@code dev.pipewright.model.Lists}; a copy of its own
 * so this package does not depend on {@code dev.pipewright.model}, which depends on it.
 */
final class Lists {
    private Lists() {}

    static <T> List<T> copy(List<T> list, String what) {
        if (list == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(list.size());
        for (T t : list) {
            out.add(Objects.requireNonNull(t, () -> what + " contains null"));
        }
        return Collections.unmodifiableList(out);
    }

    static <K, V> Map<K, V> copy(Map<K, V> map, String what) {
        if (map == null) {
            return Map.of();
        }
        Map<K, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(
                Objects.requireNonNull(k, () -> what + " has a null key"),
                Objects.requireNonNull(v, () -> what + " has a null value for " + k)));
        return Collections.unmodifiableMap(out);
    }
}
