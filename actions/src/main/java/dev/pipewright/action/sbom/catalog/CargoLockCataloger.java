package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.action.sbom.Purl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * {@code Cargo.lock} v1–v4: every {@code [[package]]} with a {@code source} (registry or git) is a
 * component with its {@code checksum}; packages without a source are the workspace's own crates,
 * whose dependencies are the artifact's direct ones. Dependency strings are {@code name}, {@code
 * name version} or {@code name version (source)}.
 */
public final class CargoLockCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("Cargo.lock");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        String text = Readers.text(file, display);
        JsonNode root = Readers.toml(text, display);
        JsonNode packages = root.path("package");
        if (!packages.isArray()) {
            if (root.has("version") || root.isEmpty()) {
                return;
            }
            throw new LockfileException(display, 1, "no [[package]] tables: not a Cargo.lock");
        }
        Map<String, List<JsonNode>> byName = new HashMap<>();
        Map<JsonNode, String> ids = new IdentityHashMap<>();
        int index = 0;
        for (JsonNode p : packages) {
            String name = p.path("name").asText("");
            String version = p.path("version").asText("");
            if (name.isEmpty() || version.isEmpty()) {
                throw new LockfileException(
                        display,
                        Readers.headerLine(text, "[[package]]", index),
                        "a [[package]] needs name and version; regenerate the lock with 'cargo generate-lockfile'");
            }
            index++;
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
            if (p.hasNonNull("source")) {
                SortedMap<String, SortedSet<String>> h = Hashes.none();
                Hashes.addHex(h, "SHA-256", p.path("checksum").asText(null));
                ids.put(
                        p,
                        catalog.add(
                                new Component(
                                        Ecosystem.RUST,
                                        name,
                                        version,
                                        Purl.of("cargo", null, name, version),
                                        h,
                                        false,
                                        Set.of(display))));
            }
        }
        for (JsonNode p : packages) {
            String from = ids.get(p);
            for (JsonNode d : p.path("dependencies")) {
                String[] f = d.asText().split(" ");
                JsonNode target = null;
                for (JsonNode c : byName.getOrDefault(f[0], List.of())) {
                    if (f.length < 2 || c.path("version").asText().equals(f[1])) {
                        target = c;
                        break;
                    }
                }
                String to = target == null ? null : ids.get(target);
                if (to == null) {
                    continue;
                }
                if (from == null) {
                    catalog.direct(to);
                } else {
                    catalog.edge(from, to);
                }
            }
        }
    }
}
