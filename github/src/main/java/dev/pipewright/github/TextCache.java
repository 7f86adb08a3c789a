package dev.pipewright.github;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What was computed from a text, kept for the texts seen again: the same {@code ${{ }}} recurs in
 * many keys, files and rules ({@code secrets.GITHUB_TOKEN}, {@code matrix.os}), and each rule used
 * to parse it anew. Thread-safe, as files are linted in parallel; bounded, so a long-lived process
 * (the Maven plugin) does not grow: a full cache starts over. Values must be immutable.
 */
public final class TextCache<V> {
    private final int limit;
    private final Map<String, V> values = new ConcurrentHashMap<>();

    public TextCache(int limit) {
        this.limit = limit;
    }

    /**
     * The value for {@code text}, computed by {@code compute} outside any lock when it is not known
     * yet.
     */
    public V get(String text, Function<String, V> compute) {
        V known = values.get(text);
        if (known == null) {
            known = compute.apply(text);
            if (values.size() >= limit) {
                values.clear();
            }
            values.put(text, known);
        }
        return known;
    }
}
