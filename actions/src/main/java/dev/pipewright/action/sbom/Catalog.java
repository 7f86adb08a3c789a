package dev.pipewright.action.sbom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the catalogers found: components by purl, dependency edges between purls, the direct
 * dependencies of the described artifact, and notes on what could not be resolved. Everything is
 * kept sorted so output is stable.
 */
public final class Catalog {
    private final SortedMap<String, Component> components = new TreeMap<>();
    private final SortedMap<String, SortedSet<String>> edges = new TreeMap<>();
    private final SortedSet<String> direct = new TreeSet<>();
    private final SortedSet<String> unresolved = new TreeSet<>();
    private final List<String> filesRead = new ArrayList<>();

    /** Adds (or merges) a component and returns its id. */
    public String add(Component c) {
        components.merge(c.id(), c, Component::merge);
        return c.id();
    }

    /** Records that {@code from} depends on {@code to} (both ids of added components). */
    public void edge(String from, String to) {
        if (!from.equals(to)) {
            edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        }
    }

    /** Records a direct dependency of the described artifact. */
    public void direct(String id) {
        direct.add(id);
    }

    /**
     * Something a file names that we could not turn into a component with a version, as {@code
     * file:line: what}.
     */
    public void unresolved(String note) {
        unresolved.add(note);
    }

    public void fileRead(String display) {
        filesRead.add(display);
    }

    public SortedMap<String, Component> components() {
        return Collections.unmodifiableSortedMap(components);
    }

    public SortedMap<String, SortedSet<String>> edges() {
        return Collections.unmodifiableSortedMap(edges);
    }

    public SortedSet<String> direct() {
        return Collections.unmodifiableSortedSet(direct);
    }

    public SortedSet<String> unresolvedNotes() {
        return Collections.unmodifiableSortedSet(unresolved);
    }

    public List<String> filesRead() {
        return List.copyOf(filesRead);
    }

    /**
     * Drops development-only components (and edges touching them); run after every cataloger so a
     * package that is dev in one file and runtime in another stays.
     */
    public void dropDev() {
        List<String> dev =
                components.values().stream().filter(Component::dev).map(Component::id).toList();
        dev.forEach(components::remove);
        dev.forEach(edges::remove);
        dev.forEach(direct::remove);
        for (Map.Entry<String, SortedSet<String>> e : edges.entrySet()) {
            e.getValue().removeAll(dev);
        }
        edges.values().removeIf(SortedSet::isEmpty);
    }

    /** Keeps only edges whose both ends are components, so no document has a dangling reference. */
    public void pruneEdges() {
        edges.keySet().removeIf(k -> !components.containsKey(k));
        for (SortedSet<String> to : edges.values()) {
            to.removeIf(k -> !components.containsKey(k));
        }
        edges.values().removeIf(SortedSet::isEmpty);
        direct.removeIf(k -> !components.containsKey(k));
    }
}
