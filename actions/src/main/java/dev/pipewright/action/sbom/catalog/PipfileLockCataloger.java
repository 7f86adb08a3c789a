package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * {@code Pipfile.lock}: {@code default} and {@code develop} (dev) sections, {@code ==} versions and
 * every listed hash. The lock has no graph; entries without a version (git, path, editable) are
 * reported, not guessed.
 */
public final class PipfileLockCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("Pipfile.lock");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        JsonNode root = Readers.json(file, display);
        if (!root.isObject() || !root.has("_meta")) {
            throw new LockfileException(display, 1, "no '_meta': not a Pipfile.lock");
        }
        for (String section : new String[] {"default", "develop"}) {
            for (Map.Entry<String, JsonNode> e : root.path(section).properties()) {
                if (e.getKey().isBlank()) {
                    throw new LockfileException(
                            display,
                            Readers.lineOf(Readers.text(file, display), "\"\""),
                            "a package in '"
                                    + section
                                    + "' has an empty name; regenerate the lock with 'pipenv lock'");
                }
                String version = e.getValue().path("version").asText("");
                if (!version.startsWith("==")) {
                    if (!e.getValue().path("editable").asBoolean(false)) {
                        catalog.unresolved(display + ": " + e.getKey() + " has no pinned version");
                    }
                    continue;
                }
                SortedMap<String, SortedSet<String>> h = Hashes.none();
                e.getValue().path("hashes").forEach(x -> Hashes.addPrefixed(h, x.asText()));
                String id =
                        catalog.add(
                                Python.component(
                                        e.getKey(),
                                        version.substring(2).replaceFirst("^=", ""),
                                        h,
                                        section.equals("develop"),
                                        display));
                if (section.equals("default")) {
                    catalog.direct(
                            id); // a flat lock: every default entry is needed by the artifact
                }
            }
        }
    }
}
