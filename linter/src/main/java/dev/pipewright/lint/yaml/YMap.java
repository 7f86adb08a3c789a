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
        return Optional.ofNullable(value(key));
    }

    /**
     * The value under {@code key}, or null: the lookup behind the typed getters, which every rule
     * calls per node.
     */
    private YNode value(String key) {
        for (int i = 0, n = entries.size(); i < n; i++) {
            Entry e = entries.get(i);
            if (e.key.value().equals(key)) {
                return e.value;
            }
        }
        return null;
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
        return value(key) instanceof YMap m ? Optional.of(m) : Optional.empty();
    }

    public Optional<YSeq> seq(String key) {
        return value(key) instanceof YSeq q ? Optional.of(q) : Optional.empty();
    }

    public Optional<YScalar> scalar(String key) {
        return value(key) instanceof YScalar s ? Optional.of(s) : Optional.empty();
    }

    /** The string value under {@code key}, when it is a non-null scalar. */
    public Optional<String> string(String key) {
        return value(key) instanceof YScalar s && !s.isNull()
                ? Optional.of(s.value())
                : Optional.empty();
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
