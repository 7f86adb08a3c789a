package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.action.sbom.Purl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * SwiftPM {@code Package.resolved}: v1 ({@code object.pins[]} with {@code repositoryURL}) and v2/v3
 * ({@code pins[]} with {@code location}). A pin is {@code
 * pkg:swift/<host>/<owner>/<repo>@<version>}, the namespace being the source host and path as the
 * purl spec's swift type wants; a branch or revision pin has no version, so the commit stands in.
 * Local ({@code localSourceControl}, {@code fileSystem}) pins are the project's own folders. The
 * file records neither a graph nor dev packages, and the revision is a git commit, not a hash of an
 * artifact.
 */
public final class SwiftResolvedCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("Package.resolved")
                && !relative.contains(".build/");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        JsonNode root = Readers.json(file, display);
        int version = root.path("version").asInt(0);
        JsonNode pins = version == 1 ? root.path("object").path("pins") : root.path("pins");
        if (!pins.isArray()) {
            throw new LockfileException(
                    display,
                    1,
                    "no 'pins' array (format version "
                            + root.path("version").asText("?")
                            + "): not a Package.resolved");
        }
        for (JsonNode pin : pins) {
            String kind = pin.path("kind").asText("remoteSourceControl");
            String location =
                    version == 1
                            ? pin.path("repositoryURL").asText("")
                            : pin.path("location").asText("");
            if (!kind.equals("remoteSourceControl") && !kind.equals("registry")) {
                continue;
            }
            String[] nsName =
                    kind.equals("registry")
                            ? registry(pin.path("identity").asText(""))
                            : repository(location);
            if (nsName == null) {
                catalog.unresolved(
                        display + ": pin '" + location + "' is not a host/owner/repository URL");
                continue;
            }
            JsonNode state = pin.path("state");
            String v = state.path("version").asText("");
            if (v.isEmpty()) {
                v = state.path("revision").asText("");
            }
            if (v.isEmpty()) {
                catalog.unresolved(
                        display + ": pin '" + location + "' has neither version nor revision");
                continue;
            }
            String name = nsName[0] + "/" + nsName[1];
            catalog.add(
                    new Component(
                            Ecosystem.SWIFT,
                            name,
                            v,
                            Purl.of("swift", nsName[0], nsName[1], v),
                            Hashes.none(),
                            false,
                            Set.of(display)));
        }
    }

    /**
     * {@code https://github.com/owner/repo.git} or {@code git@github.com:owner/repo.git} →
     * {host/owner, repo}.
     */
    static String[] repository(String url) {
        String u = url.strip();
        int scheme = u.indexOf("://");
        if (scheme > 0) {
            u = u.substring(scheme + 3);
            int at = u.indexOf('@');
            if (at >= 0 && at < u.indexOf('/')) {
                u = u.substring(at + 1); // user info
            }
        } else if (u.contains("@") && u.contains(":")) {
            u = u.substring(u.indexOf('@') + 1).replaceFirst(":", "/"); // scp-like ssh
        }
        u = u.replaceAll("/+$", "");
        if (u.endsWith(".git")) {
            u = u.substring(0, u.length() - 4);
        }
        int slash = u.lastIndexOf('/');
        return slash <= 0 || u.indexOf('/') == slash
                ? null
                : new String[] {u.substring(0, slash), u.substring(slash + 1)};
    }

    /** A registry identity {@code scope.name} (SE-0292) has no host: its scope is the namespace. */
    private static String[] registry(String identity) {
        int dot = identity.indexOf('.');
        return dot <= 0
                ? null
                : new String[] {identity.substring(0, dot), identity.substring(dot + 1)};
    }
}
