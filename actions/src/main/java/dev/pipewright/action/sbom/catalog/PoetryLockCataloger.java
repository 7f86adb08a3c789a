package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * {@code poetry.lock}: each {@code [[package]]} not from a local directory or file; dev when {@code
 * category = "dev"} (Poetry before 1.5) or when {@code groups} (Poetry 2) lacks {@code main};
 * Poetry 1.5–1.8 record neither, so nothing is dev. The hash is the sdist's from {@code files};
 * edges from {@code [package.dependencies]}.
 */
public final class PoetryLockCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("poetry.lock");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        String text = Readers.text(file, display);
        JsonNode root = Readers.toml(text, display);
        JsonNode packages = root.path("package");
        if (!packages.isArray()) {
            if (root.has("metadata")) {
                return;
            }
            throw new LockfileException(
                    display, 1, "no [[package]] tables and no [metadata]: not a poetry.lock");
        }
        Python.requireNames(packages, text, display, "poetry lock");
        Map<String, String> ids = new HashMap<>();
        for (JsonNode p : packages) {
            String type = p.path("source").path("type").asText("");
            if (type.equals("directory") || type.equals("file")) {
                continue;
            }
            SortedMap<String, SortedSet<String>> h = Hashes.none();
            for (JsonNode f : p.path("files")) {
                String name = f.path("file").asText("");
                if (name.endsWith(".tar.gz") || name.endsWith(".zip")) {
                    Hashes.addPrefixed(h, f.path("hash").asText(null));
                }
            }
            boolean dev = p.path("category").asText("").equals("dev");
            if (p.path("groups").isArray()) {
                dev = true;
                for (JsonNode g : p.path("groups")) {
                    dev &= !g.asText().equals("main");
                }
            }
            String id =
                    catalog.add(
                            Python.component(
                                    p.path("name").asText(),
                                    p.path("version").asText(null),
                                    h,
                                    dev,
                                    display));
            ids.put(Python.normalize(p.path("name").asText()), id);
        }
        for (JsonNode p : packages) {
            String from = ids.get(Python.normalize(p.path("name").asText()));
            Set<String> tos = new LinkedHashSet<>();
            p.path("dependencies")
                    .fieldNames()
                    .forEachRemaining(
                            d -> {
                                String to = ids.get(Python.normalize(d));
                                if (to != null) {
                                    tos.add(to);
                                }
                            });
            if (from != null) {
                tos.forEach(to -> catalog.edge(from, to));
            }
        }
    }
}
