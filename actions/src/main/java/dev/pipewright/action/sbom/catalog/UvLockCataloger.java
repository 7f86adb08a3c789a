package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * {@code uv.lock}: each {@code [[package]]} from a registry, git or URL source is a component
 * (hash: the sdist's); editable, virtual, directory and path packages are the project's own, and
 * their dependencies are the artifact's direct ones ({@code dev-dependencies} mark what only
 * development reaches).
 */
public final class UvLockCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("uv.lock");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        String text = Readers.text(file, display);
        JsonNode root = Readers.toml(text, display);
        JsonNode packages = root.path("package");
        if (!packages.isArray()) {
            if (root.has("version")) {
                return;
            }
            throw new LockfileException(
                    display, 1, "no [[package]] tables and no version: not a uv.lock");
        }
        Python.requireNames(packages, text, display, "uv lock");
        Map<String, List<JsonNode>> byName = new HashMap<>();
        for (JsonNode p : packages) {
            byName.computeIfAbsent(
                            Python.normalize(p.path("name").asText()), k -> new ArrayList<>())
                    .add(p);
        }
        Map<JsonNode, String> ids = new IdentityHashMap<>();
        Set<String> prodRoots = new LinkedHashSet<>();
        Set<String> devRoots = new LinkedHashSet<>();
        Map<String, Set<String>> graph = new HashMap<>();
        for (JsonNode p : packages) {
            if (!local(p) && p.hasNonNull("version")) {
                ids.put(
                        p,
                        Python.component(
                                        p.path("name").asText(),
                                        p.path("version").asText(),
                                        hashes(p),
                                        false,
                                        display)
                                .id());
            } else if (!local(p)) {
                catalog.unresolved(display + ": " + p.path("name").asText() + " has no version");
            }
        }
        for (JsonNode p : packages) {
            Set<String> deps = new LinkedHashSet<>();
            Set<String> devDeps = new LinkedHashSet<>();
            collect(p.path("dependencies"), byName, ids, deps);
            p.path("optional-dependencies").forEach(list -> collect(list, byName, ids, deps));
            p.path("dev-dependencies").forEach(list -> collect(list, byName, ids, devDeps));
            if (local(p)) {
                prodRoots.addAll(deps);
                devRoots.addAll(devDeps);
            } else if (ids.containsKey(p)) {
                graph.computeIfAbsent(ids.get(p), k -> new LinkedHashSet<>()).addAll(deps);
            }
        }
        boolean knowsDev = !prodRoots.isEmpty() || !devRoots.isEmpty();
        Set<String> prod = Python.reach(prodRoots, graph);
        for (JsonNode p : packages) {
            String id = ids.get(p);
            if (id != null) {
                catalog.add(
                        Python.component(
                                p.path("name").asText(),
                                p.path("version").asText(),
                                hashes(p),
                                knowsDev && !prod.contains(id),
                                display));
            }
        }
        graph.forEach((from, tos) -> tos.forEach(to -> catalog.edge(from, to)));
        prodRoots.forEach(catalog::direct);
        devRoots.forEach(catalog::direct);
    }

    private static void collect(
            JsonNode deps,
            Map<String, List<JsonNode>> byName,
            Map<JsonNode, String> ids,
            Set<String> out) {
        for (JsonNode d : deps) {
            List<JsonNode> candidates =
                    byName.getOrDefault(Python.normalize(d.path("name").asText()), List.of());
            for (JsonNode c : candidates) {
                boolean versionMatches =
                        !d.has("version")
                                || d.path("version").asText().equals(c.path("version").asText());
                if (versionMatches && ids.containsKey(c)) {
                    out.add(ids.get(c));
                    break;
                }
            }
        }
    }

    private static boolean local(JsonNode p) {
        JsonNode s = p.path("source");
        return s.has("editable") || s.has("virtual") || s.has("directory") || s.has("path");
    }

    private static SortedMap<String, SortedSet<String>> hashes(JsonNode p) {
        SortedMap<String, SortedSet<String>> h = Hashes.none();
        Hashes.addPrefixed(h, p.path("sdist").path("hash").asText(null));
        return h;
    }
}
