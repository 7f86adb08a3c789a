package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.action.sbom.Purl;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Python names (PEP 503) and purls shared by the uv, Poetry, Pipfile and requirements catalogers.
 */
final class Python {
    private Python() {}

    /** PEP 503: runs of {@code -_.} become one {@code -}, lower case. */
    static String normalize(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    static Component component(
            String name,
            String version,
            SortedMap<String, SortedSet<String>> hashes,
            boolean dev,
            String source) {
        String n = normalize(name);
        return new Component(
                Ecosystem.PYTHON,
                n,
                version,
                Purl.of("pypi", null, n, version),
                hashes,
                dev,
                Set.of(source));
    }

    /**
     * Refuses a {@code [[package]]} whose name is missing or empty (a purl needs one) at the
     * table's line, with the command that writes the lock again.
     */
    static void requireNames(JsonNode packages, String text, String display, String relock) {
        int i = 0;
        for (JsonNode p : packages) {
            if (p.path("name").asText("").isBlank()) {
                throw new LockfileException(
                        display,
                        Readers.headerLine(text, "[[package]]", i),
                        "a [[package]] has no name; regenerate the lock with '" + relock + "'");
            }
            i++;
        }
    }

    static Set<String> reach(Set<String> roots, Map<String, Set<String>> graph) {
        Set<String> seen = new HashSet<>(roots);
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            for (String n : graph.getOrDefault(todo.pop(), Set.of())) {
                if (seen.add(n)) {
                    todo.add(n);
                }
            }
        }
        return seen;
    }
}
