package dev.pipewright.model.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Defensive copies for the records of every model package: immutable, null-free, in a deterministic order. */
public final class Lists {
    private Lists() {}

    /** An unmodifiable copy; null becomes empty; null elements are rejected naming {@code what}. */
    public static <T> List<T> copy(List<T> list, String what) {
        if (list == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(list.size());
        for (T t : list) {
            out.add(Objects.requireNonNull(t, () -> what + " contains null"));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * An unmodifiable copy; null becomes empty; null keys or values are rejected. Ordered maps
     * ({@link LinkedHashMap}, {@link SortedMap}) keep their order; any other map (e.g.
     * {@code Map.of}, whose iteration order changes from run to run) is sorted by key, so the
     * emitted YAML never depends on hashing.
     */
    public static <K, V> Map<K, V> copy(Map<K, V> map, String what) {
        if (map == null) {
            return Map.of();
        }
        Map<K, V> source = map instanceof LinkedHashMap<K, V> || map instanceof SortedMap<K, V> ? map : sorted(map);
        Map<K, V> out = new LinkedHashMap<>();
        source.forEach((k, v) -> out.put(
                Objects.requireNonNull(k, () -> what + " has a null key"),
                Objects.requireNonNull(v, () -> what + " has a null value for " + k)));
        return Collections.unmodifiableMap(out);
    }

    private static <K, V> Map<K, V> sorted(Map<K, V> map) {
        Map<K, V> sorted = new TreeMap<>(Comparator.comparing(String::valueOf));
        sorted.putAll(map);
        return sorted;
    }
}
