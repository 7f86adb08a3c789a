package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code package-lock.json} / {@code npm-shrinkwrap.json}, lockfileVersion 1 (nested {@code
 * dependencies}) and 2/3 ({@code packages} keyed by {@code node_modules/…} path). Edges follow
 * Node's resolution: the nearest {@code node_modules/<name>} up the path. Workspace folders and
 * {@code link} entries are the project's own code.
 */
public final class PackageLockCataloger implements Cataloger {
    private static final List<String> DEP_FIELDS =
            List.of("dependencies", "optionalDependencies", "peerDependencies");

    @Override
    public boolean accepts(Path file, String relative) {
        String n = file.getFileName().toString();
        return (n.equals("package-lock.json") || n.equals("npm-shrinkwrap.json"))
                && !relative.contains("node_modules/");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        JsonNode root = Readers.json(file, display);
        if (!root.isObject()) {
            throw new LockfileException(
                    display, 1, "expected a JSON object with 'lockfileVersion'");
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        JsonNode packages = root.path("packages");
        if (packages.isObject()) {
            packages.properties().forEach(e -> entries.put(e.getKey(), e.getValue()));
        } else if (root.path("dependencies").isObject()) {
            // v1 records no direct dependencies of the root (its "dependencies" is the whole
            // hoisted tree).
            entries.put("", JsonNodeFactory.instance.objectNode());
            flattenV1(root.path("dependencies"), "", entries);
        } else if (root.has("lockfileVersion")) {
            return; // a lock of a project without dependencies
        } else {
            throw new LockfileException(
                    display, 1, "no 'packages' or 'dependencies': not an npm lockfile");
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries.entrySet()) {
            String path = e.getKey();
            JsonNode entry = e.getValue();
            if (!path.contains("node_modules/") || entry.path("link").asBoolean(false)) {
                continue;
            }
            String name = entry.path("name").asText(nameFromPath(path));
            String version = entry.path("version").asText(null);
            if (version != null && version.startsWith("npm:")) {
                // v1 alias: "alias": { "version": "npm:real-name@1.2.3" }
                String[] nv = Npm.splitNameVersion(version.substring(4));
                name = nv[0];
                version = nv[1];
            }
            if (version == null
                    || version.isEmpty()
                    || version.startsWith("file:")
                    || version.startsWith("link:")) {
                if (version == null || version.isEmpty()) {
                    catalog.unresolved(display + ": " + path + " has no version");
                }
                continue;
            }
            boolean dev = entry.path("dev").asBoolean(false);
            String id =
                    catalog.add(
                            Npm.component(
                                    name,
                                    version,
                                    Hashes.integrity(entry.path("integrity").asText(null)),
                                    dev,
                                    display));
            ids.put(path, id);
        }
        for (Map.Entry<String, JsonNode> e : entries.entrySet()) {
            String path = e.getKey();
            JsonNode entry = e.getValue();
            boolean project = path.isEmpty() || !path.contains("node_modules/");
            String from = ids.get(path);
            if (from == null && !project) {
                continue;
            }
            List<String> fields = new ArrayList<>(DEP_FIELDS);
            if (project) {
                fields.add("devDependencies");
            }
            for (String field : fields) {
                JsonNode deps = entry.path(field);
                if (field.equals("dependencies") && !path.isEmpty() && entry.has("requires")) {
                    deps =
                            entry.path(
                                    "requires"); // v1: "requires" holds the ranges, "dependencies"
                    // the nested tree
                }
                for (String dep : iterable(deps.fieldNames())) {
                    String to = ids.get(resolve(path, dep, ids));
                    if (to == null) {
                        continue;
                    }
                    if (project) {
                        catalog.direct(to);
                    } else {
                        catalog.edge(from, to);
                    }
                }
            }
        }
    }

    /** The path Node would load {@code dep} from when required by the package at {@code path}. */
    static String resolve(String path, String dep, Map<String, ?> known) {
        String p = path;
        while (true) {
            String candidate = (p.isEmpty() ? "" : p + "/") + "node_modules/" + dep;
            if (known.containsKey(candidate)) {
                return candidate;
            }
            if (p.isEmpty()) {
                return null;
            }
            int i = p.lastIndexOf("/node_modules/");
            p = i < 0 ? "" : p.substring(0, i);
        }
    }

    private static void flattenV1(JsonNode deps, String prefix, Map<String, JsonNode> out) {
        for (Map.Entry<String, JsonNode> e : iterable(deps.properties().iterator())) {
            String path = (prefix.isEmpty() ? "" : prefix + "/") + "node_modules/" + e.getKey();
            out.put(path, e.getValue());
            if (e.getValue().path("dependencies").isObject()) {
                flattenV1(e.getValue().path("dependencies"), path, out);
            }
        }
    }

    static String nameFromPath(String path) {
        int i = path.lastIndexOf("node_modules/");
        return path.substring(i + "node_modules/".length());
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }
}
