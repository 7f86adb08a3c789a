package dev.pipewright.model.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defensive copies for the records of every model package: immutable, null-free, in a deterministic
 * order.
 */
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
     * An unmodifiable copy; null becomes empty; null keys or values are rejected. A map that
     * iterates in hash order ({@code Map.of}, whose order changes from run to run, {@code HashMap}
     * and the like) is sorted by key, so the emitted YAML never depends on hashing; every other map
     * (insertion-ordered, sorted, or an earlier copy) keeps its order.
     */
    public static <K, V> Map<K, V> copy(Map<K, V> map, String what) {
        if (map == null) {
            return Map.of();
        }
        Map<K, V> source = iteratesInHashOrder(map) ? sorted(map) : map;
        Map<K, V> out = new LinkedHashMap<>();
        source.forEach(
                (k, v) ->
                        out.put(
                                Objects.requireNonNull(k, () -> what + " has a null key"),
                                Objects.requireNonNull(
                                        v, () -> what + " has a null value for " + k)));
        return Collections.unmodifiableMap(out);
    }

    private static final Class<?> MAP_OF = Map.of("a", 1, "b", 2).getClass();

    private static boolean iteratesInHashOrder(Map<?, ?> map) {
        return map.getClass() == MAP_OF
                || map instanceof HashMap && !(map instanceof LinkedHashMap)
                || map instanceof Hashtable
                || map instanceof IdentityHashMap
                || map instanceof WeakHashMap
                || map instanceof ConcurrentHashMap;
    }

    private static <K, V> Map<K, V> sorted(Map<K, V> map) {
        Map<K, V> sorted = new TreeMap<>(Comparator.comparing(String::valueOf));
        sorted.putAll(map);
        return sorted;
    }
}
