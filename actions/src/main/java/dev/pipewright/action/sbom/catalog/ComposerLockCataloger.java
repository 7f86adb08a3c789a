package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.action.sbom.Purl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * {@code composer.lock}: {@code packages} are production, {@code packages-dev} dev (Composer
 * installs the latter only without {@code --no-dev}); purls {@code
 * pkg:composer/vendor/name@version}, the version as the lock spells it ({@code v1.2.3} stays, as
 * {@code composer show} prints it). {@code dist.shasum}, when Composer recorded one, is the SHA-1
 * of the dist archive. Edges follow each package's {@code require}; platform requirements ({@code
 * php}, {@code ext-*}, {@code lib-*}, {@code composer-*-api}) are not packages. Direct dependencies
 * come from a sibling {@code composer.json}.
 */
public final class ComposerLockCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("composer.lock")
                && !relative.contains("vendor/");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        JsonNode root = Readers.json(file, display);
        if (!root.has("packages")) {
            throw new LockfileException(display, 1, "no 'packages' array: not a composer.lock");
        }
        Map<String, String> ids = new HashMap<>(); // lower-case package name -> purl
        Map<String, JsonNode> byId = new HashMap<>();
        for (String section : List.of("packages", "packages-dev")) {
            for (JsonNode p : root.path(section)) {
                String name = p.path("name").asText("");
                String version = p.path("version").asText("");
                int slash = name.indexOf('/');
                if (slash <= 0 || version.isEmpty()) {
                    throw new LockfileException(
                            display,
                            Readers.lineOf(Readers.text(file, display), "\"" + name + "\""),
                            "a package needs 'vendor/name' and a version, got '" + name + "'");
                }
                SortedMap<String, SortedSet<String>> h = Hashes.none();
                Hashes.addHex(h, "SHA-1", p.path("dist").path("shasum").asText(null));
                Purl purl =
                        Purl.of(
                                "composer",
                                name.substring(0, slash),
                                name.substring(slash + 1),
                                version);
                String id =
                        catalog.add(
                                new Component(
                                        Ecosystem.PHP,
                                        name,
                                        version,
                                        purl,
                                        h,
                                        section.equals("packages-dev"),
                                        Set.of(display)));
                ids.put(name.toLowerCase(Locale.ROOT), id);
                byId.put(id, p);
            }
        }
        byId.forEach(
                (id, p) ->
                        p.path("require")
                                .fieldNames()
                                .forEachRemaining(
                                        dep -> {
                                            String to = ids.get(dep.toLowerCase(Locale.ROOT));
                                            if (to != null) {
                                                catalog.edge(id, to);
                                            }
                                        }));
        Path manifest = file.resolveSibling("composer.json");
        if (Files.isRegularFile(manifest)) {
            JsonNode json = Readers.json(manifest, "composer.json");
            for (String field : List.of("require", "require-dev")) {
                json.path(field)
                        .fieldNames()
                        .forEachRemaining(
                                dep -> {
                                    String to = ids.get(dep.toLowerCase(Locale.ROOT));
                                    if (to != null) {
                                        catalog.direct(to);
                                    }
                                });
            }
        }
    }
}
