package dev.pipewright.action.sbom;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One package found by a cataloger; identified by its purl, so the same package seen in two files
 * is one component.
 *
 * @param name the ecosystem's own spelling ({@code @scope/pkg}, {@code group:artifact}, a Go module
 *     path)
 * @param version null when the file does not pin one (then it is listed as unresolved, never
 *     guessed)
 * @param hashes algorithm (CycloneDX spelling: {@code SHA-256}, {@code SHA-512}, {@code SHA-1}) to
 *     lower-case hex
 * @param dev only needed to develop or test, as far as the file records it
 * @param sources workspace-relative files it was found in (kept sorted)
 */
public record Component(
        Ecosystem ecosystem,
        String name,
        String version,
        Purl purl,
        SortedMap<String, SortedSet<String>> hashes,
        boolean dev,
        Set<String> sources) {
    public Component {
        Objects.requireNonNull(ecosystem, "ecosystem == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(purl, "purl == null");
        TreeMap<String, SortedSet<String>> h = new TreeMap<>();
        hashes.forEach((k, v) -> h.put(k, new TreeSet<>(v)));
        hashes = h;
        sources = Collections.unmodifiableSortedSet(new TreeSet<>(sources));
    }

    public String id() {
        return purl.toString();
    }

    /**
     * This component with another sighting of the same purl folded in: hashes and sources united,
     * dev only if both are.
     */
    Component merge(Component other) {
        TreeMap<String, SortedSet<String>> h = new TreeMap<>(hashes);
        other.hashes.forEach((k, v) -> h.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        TreeSet<String> s = new TreeSet<>(sources);
        s.addAll(other.sources);
        return new Component(ecosystem, name, version, purl, h, dev && other.dev, s);
    }
}
