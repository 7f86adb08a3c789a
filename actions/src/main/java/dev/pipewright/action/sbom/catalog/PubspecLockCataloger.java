package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.action.sbom.Purl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Dart/Flutter {@code pubspec.lock}: every package of {@code packages} but {@code path} ones (the
 * project's own folders) as {@code pkg:pub/name@version}; SDK packages ({@code flutter}, {@code
 * flutter_test}) carry the version the lock gives them ({@code 0.0.0}, as the purl spec's example
 * shows). {@code dependency: "direct dev"} is dev; the lock has no graph, so a transitive package
 * cannot be told dev and counts as production. A hosted package's {@code description.sha256} is the
 * SHA-256 of its archive; a git package gets a {@code vcs_url} qualifier.
 */
public final class PubspecLockCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("pubspec.lock");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        List<Object> docs = Readers.yamlDocuments(file, display);
        if (docs.isEmpty()
                || !(docs.get(0) instanceof Map<?, ?> root)
                || !root.containsKey("packages")) {
            throw new LockfileException(display, 1, "no 'packages' mapping: not a pubspec.lock");
        }
        if (!(root.get("packages") instanceof Map<?, ?> packages)) {
            return; // "packages: {}" of a project without dependencies
        }
        for (Map.Entry<?, ?> e : packages.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> p) || p.get("version") == null) {
                throw new LockfileException(
                        display,
                        Readers.lineOf(Readers.text(file, display), name + ":"),
                        "package '" + name + "' has no version");
            }
            String source = String.valueOf(p.get("source"));
            if (source.equals("path")) {
                continue;
            }
            String version = String.valueOf(p.get("version"));
            String dependency = String.valueOf(p.get("dependency"));
            SortedMap<String, SortedSet<String>> h = Hashes.none();
            Purl purl = Purl.of("pub", null, name, version);
            if (p.get("description") instanceof Map<?, ?> d) {
                if (d.get("sha256") != null) {
                    Hashes.addHex(h, "SHA-256", String.valueOf(d.get("sha256")));
                }
                if (source.equals("git") && d.get("url") != null) {
                    purl =
                            purl.withQualifier(
                                    "vcs_url",
                                    "git+"
                                            + d.get("url")
                                            + (d.get("resolved-ref") != null
                                                    ? "@" + d.get("resolved-ref")
                                                    : ""));
                }
            }
            String id =
                    catalog.add(
                            new Component(
                                    Ecosystem.DART,
                                    name,
                                    version,
                                    purl,
                                    h,
                                    dependency.equals("direct dev"),
                                    Set.of(display)));
            if (dependency.startsWith("direct")) {
                catalog.direct(id);
            }
        }
    }
}
