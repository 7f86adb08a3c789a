package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.action.sbom.Purl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * NuGet {@code packages.lock.json} (v1, v2): for each target framework, every package but {@code
 * Project} references (the solution's own projects) as {@code pkg:nuget/Name@resolved}, the name as
 * written (NuGet purls keep case). {@code contentHash} is the base64 SHA-512 of the {@code .nupkg},
 * so it is reported as the package's SHA-512. {@code Direct} packages are the project's direct
 * dependencies; the lock does not say which are only for tests.
 */
public final class NuGetLockCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("packages.lock.json");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        JsonNode root = Readers.json(file, display);
        JsonNode frameworks = root.path("dependencies");
        if (!frameworks.isObject()) {
            throw new LockfileException(
                    display, 1, "no 'dependencies' object: not a NuGet packages.lock.json");
        }
        for (Map.Entry<String, JsonNode> framework : frameworks.properties()) {
            Map<String, String> ids =
                    new HashMap<>(); // lower-case name -> purl, within one framework
            for (Map.Entry<String, JsonNode> pkg : framework.getValue().properties()) {
                JsonNode p = pkg.getValue();
                String type = p.path("type").asText("");
                String version = p.path("resolved").asText("");
                if (type.equals("Project")) {
                    continue;
                }
                if (version.isEmpty()) {
                    catalog.unresolved(
                            display
                                    + ": "
                                    + framework.getKey()
                                    + " "
                                    + pkg.getKey()
                                    + ": no resolved version");
                    continue;
                }
                SortedMap<String, SortedSet<String>> h = Hashes.none();
                Hashes.addBase64(h, "SHA-512", p.path("contentHash").asText(""));
                String id =
                        catalog.add(
                                new Component(
                                        Ecosystem.DOTNET,
                                        pkg.getKey(),
                                        version,
                                        Purl.of("nuget", null, pkg.getKey(), version),
                                        h,
                                        false,
                                        Set.of(display)));
                ids.put(pkg.getKey().toLowerCase(Locale.ROOT), id);
                if (type.equals("Direct")) {
                    catalog.direct(id);
                }
            }
            for (Map.Entry<String, JsonNode> pkg : framework.getValue().properties()) {
                String from = ids.get(pkg.getKey().toLowerCase(Locale.ROOT));
                if (from == null) {
                    continue;
                }
                pkg.getValue()
                        .path("dependencies")
                        .fieldNames()
                        .forEachRemaining(
                                dep -> {
                                    String to = ids.get(dep.toLowerCase(Locale.ROOT));
                                    if (to != null) {
                                        catalog.edge(from, to);
                                    }
                                });
            }
        }
    }
}
