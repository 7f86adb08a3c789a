package dev.pipewright.lint.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A YAML mapping in source order; keys are scalars (other keys are reported while loading). */
public record YMap(List<Entry> entries, Pos pos) implements YNode {
    /** One key/value pair. */
    public record Entry(YScalar key, YNode value) {}

    public YMap {
        entries = List.copyOf(entries);
    }

    /** The value under {@code key} (exact match, as GitHub matches property names). */
    public Optional<YNode> get(String key) {
        for (Entry e : entries) {
            if (e.key.value().equals(key)) {
                return Optional.of(e.value);
            }
        }
        return Optional.empty();
    }

    /** The entry for {@code key}, to report at the key's position. */
    public Optional<Entry> entry(String key) {
        for (Entry e : entries) {
            if (e.key.value().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Optional<YMap> map(String key) {
        return get(key).filter(YMap.class::isInstance).map(YMap.class::cast);
    }

    public Optional<YSeq> seq(String key) {
        return get(key).filter(YSeq.class::isInstance).map(YSeq.class::cast);
    }

    public Optional<YScalar> scalar(String key) {
        return get(key).filter(YScalar.class::isInstance).map(YScalar.class::cast);
    }

    /** The string value under {@code key}, when it is a non-null scalar. */
    public Optional<String> string(String key) {
        return scalar(key).filter(s -> !s.isNull()).map(YScalar::value);
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>(entries.size());
        entries.forEach(e -> keys.add(e.key.value()));
        return keys;
    }

    @Override
    public String kindName() {
        return "mapping";
    }
}
