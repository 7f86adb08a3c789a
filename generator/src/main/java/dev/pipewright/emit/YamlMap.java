package dev.pipewright.emit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An insertion-ordered YAML mapping with String keys. */
public final class YamlMap implements YamlNode {
    // LinkedHashMap keeps the first insertion position when a key is replaced, which is the
    // documented put() contract; workflow files read best in the order the author built them.
    private final Map<String, YamlNode> entries = new LinkedHashMap<>();

    public YamlMap() {}

    /**
     * A map built from plain Java values (String, Boolean, integral numbers, BigDecimal, List,
     * Map), keeping the iteration order of the maps given.
     */
    public static YamlMap of(Map<String, ?> plain) {
        return Values.map(plain);
    }

    /** Adds or replaces {@code key}; a replaced key keeps its original position. */
    public YamlMap put(String key, YamlNode value) {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(value, "value == null");
        entries.put(key, value);
        return this;
    }

    public YamlMap put(String key, String value) {
        Objects.requireNonNull(value, "value == null");
        return put(key, YamlScalar.of(value));
    }

    public YamlMap put(String key, boolean value) {
        return put(key, YamlScalar.of(value));
    }

    public YamlMap put(String key, long value) {
        return put(key, YamlScalar.of(value));
    }

    /** Like {@link #put(String, YamlNode)} but does nothing when {@code value} is null. */
    public YamlMap putIfNotNull(String key, YamlNode value) {
        Objects.requireNonNull(key, "key == null");
        return value == null ? this : put(key, value);
    }

    /** Like {@link #put(String, String)} but does nothing when {@code value} is null. */
    public YamlMap putIfNotNull(String key, String value) {
        Objects.requireNonNull(key, "key == null");
        return value == null ? this : put(key, value);
    }

    /** An unmodifiable live view of the entries in insertion order. */
    public Map<String, YamlNode> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    // Order is part of the emitted document, so equality is order-sensitive (unlike Map.equals).
    @Override
    public boolean equals(Object o) {
        return o instanceof YamlMap other
                && new ArrayList<>(entries.entrySet())
                        .equals(new ArrayList<>(other.entries.entrySet()));
    }

    @Override
    public int hashCode() {
        return new ArrayList<>(entries.entrySet()).hashCode();
    }

    @Override
    public String toString() {
        return "YamlMap" + entries;
    }

    @Override
    public <R> R accept(YamlNode.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
