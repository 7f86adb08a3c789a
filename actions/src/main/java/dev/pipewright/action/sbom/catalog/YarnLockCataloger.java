package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code yarn.lock}: classic v1 (its own indented format) and berry (YAML with {@code __metadata}).
 * Entries are keyed by descriptors ({@code name@range}); {@code patch:} entries fold into their npm
 * twin, {@code workspace:} entries are the project. The lock does not record which dependencies are
 * dev: berry's workspace entry lists {@code dependencies} and {@code devDependencies} together, so
 * each workspace's own {@code package.json} (at the entry's {@code workspace:} path) tells them
 * apart, as {@code yarn workspaces focus --production} would; a workspace whose package.json is
 * absent counts all its dependencies as production (nothing is dropped on a guess). Berry's {@code
 * checksum} hashes Yarn's cache zip, not the registry tarball, so it is not reported as a hash.
 */
public final class YarnLockCataloger implements Cataloger {
    /**
     * One resolved package: name, version, integrity, dependency descriptors, whether it is a
     * workspace.
     */
    private record Entry(
            String name, String version, String integrity, List<String> deps, String workspace) {
        boolean isWorkspace() {
            return workspace != null;
        }
    }

    /**
     * package.json fields whose packages the built artifact needs (peers are provided by the
     * consumer at run time).
     */
    private static final List<String> PROD_FIELDS =
            List.of("dependencies", "optionalDependencies", "peerDependencies");

    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("yarn.lock")
                && !relative.contains("node_modules/");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        String text = Readers.text(file, display);
        Map<String, Entry> byDescriptor =
                text.contains("\n__metadata:") || text.startsWith("__metadata:")
                        ? berry(text, display)
                        : classic(text, display);
        Map<Entry, String> ids = new LinkedHashMap<>();
        for (Entry e : new LinkedHashSet<>(byDescriptor.values())) {
            if (!e.isWorkspace() && e.version() != null) {
                ids.put(e, Npm.purl(e.name(), e.version()).toString());
            }
        }
        Set<String> prodRoots = new LinkedHashSet<>();
        Set<String> devRoots = new LinkedHashSet<>();
        boolean knowsDev = false;
        boolean hasWorkspaces = false;
        for (Entry e : new LinkedHashSet<>(byDescriptor.values())) {
            if (e.isWorkspace() && !e.workspace().isEmpty()) {
                hasWorkspaces = true;
                knowsDev |=
                        workspaceRoots(file.getParent(), e, display, prodRoots, devRoots, catalog);
            } else if (e.isWorkspace()) {
                prodRoots.addAll(e.deps()); // link:/portal: folders are installed as they are,
                // dependencies and all
            }
        }
        if (!hasWorkspaces) { // classic: the lock has no entry for the project itself
            knowsDev =
                    roots(file.resolveSibling("package.json"), byDescriptor, prodRoots, devRoots);
        }
        Map<String, Set<String>> graph = new HashMap<>();
        for (Map.Entry<Entry, String> e : ids.entrySet()) {
            for (String d : e.getKey().deps()) {
                Entry to = byDescriptor.get(d);
                if (to != null && ids.containsKey(to)) {
                    graph.computeIfAbsent(e.getValue(), k -> new LinkedHashSet<>())
                            .add(ids.get(to));
                }
            }
        }
        Set<String> prodIds = new HashSet<>();
        for (String r : prodRoots) {
            Entry e = byDescriptor.get(r);
            if (e != null && ids.containsKey(e)) {
                prodIds.add(ids.get(e));
            }
        }
        Set<String> prod = reach(prodIds, graph);
        for (Map.Entry<Entry, String> e : ids.entrySet()) {
            Entry en = e.getKey();
            boolean dev = knowsDev && !prod.contains(e.getValue());
            catalog.add(
                    Npm.component(
                            en.name(),
                            en.version(),
                            Hashes.integrity(en.integrity()),
                            dev,
                            display));
        }
        graph.forEach((from, tos) -> tos.forEach(to -> catalog.edge(from, to)));
        for (Set<String> roots : List.of(prodRoots, devRoots)) {
            for (String r : roots) {
                Entry e = byDescriptor.get(r);
                if (e != null && ids.containsKey(e)) {
                    catalog.direct(ids.get(e));
                }
            }
        }
    }

    /**
     * Splits a berry workspace entry's dependency descriptors into production and dev roots by the
     * workspace's package.json; false (all production, with a note) when that file is not there.
     */
    private static boolean workspaceRoots(
            Path lockDir,
            Entry workspace,
            String display,
            Set<String> prod,
            Set<String> dev,
            Catalog catalog)
            throws IOException {
        Path dir =
                lockDir == null
                        ? Path.of(workspace.workspace())
                        : lockDir.resolve(workspace.workspace());
        Path packageJson = dir.normalize().resolve("package.json");
        String shown =
                (workspace.workspace().equals(".") ? "" : workspace.workspace() + "/")
                        + "package.json";
        if (!Files.isRegularFile(packageJson)) {
            prod.addAll(workspace.deps());
            catalog.unresolved(
                    display
                            + ": workspace "
                            + workspace.name()
                            + ": no "
                            + shown
                            + " beside the lock, so its devDependencies are counted as production");
            return false;
        }
        JsonNode pkg = Readers.json(packageJson, shown);
        Set<String> prodNames = new HashSet<>();
        for (String field : PROD_FIELDS) {
            pkg.path(field).fieldNames().forEachRemaining(prodNames::add);
        }
        Set<String> devNames = new HashSet<>();
        pkg.path("devDependencies").fieldNames().forEachRemaining(devNames::add);
        for (String d : workspace.deps()) {
            String name = Npm.splitNameVersion(d)[0];
            // a name that package.json does not list (an edited manifest not yet re-locked) stays
            // production
            (devNames.contains(name) && !prodNames.contains(name) ? dev : prod).add(d);
        }
        return true;
    }

    /** Direct dependencies from package.json as descriptors; false when there is none. */
    private static boolean roots(
            Path packageJson, Map<String, Entry> byDescriptor, Set<String> prod, Set<String> dev)
            throws IOException {
        if (!Files.isRegularFile(packageJson)) {
            return false;
        }
        JsonNode pkg = Readers.json(packageJson, packageJson.getFileName().toString());
        List<String> fields = new ArrayList<>(PROD_FIELDS);
        fields.add("devDependencies");
        for (String field : fields) {
            pkg.path(field)
                    .properties()
                    .forEach(
                            d -> {
                                String range = d.getValue().asText();
                                String descriptor = d.getKey() + "@" + range;
                                if (!byDescriptor.containsKey(descriptor)) {
                                    descriptor = d.getKey() + "@npm:" + range;
                                }
                                if (!field.equals("devDependencies")) {
                                    prod.add(descriptor);
                                } else if (!prod.contains(descriptor)) {
                                    dev.add(descriptor);
                                }
                            });
        }
        return true;
    }

    private static Set<String> reach(Set<String> roots, Map<String, Set<String>> graph) {
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

    private static Map<String, Entry> berry(String text, String display) {
        List<Object> docs = Readers.yamlDocuments(text, display);
        if (docs.isEmpty() || !(docs.get(0) instanceof Map<?, ?> root)) {
            throw new LockfileException(display, 1, "expected a YAML mapping of yarn entries");
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : root.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("__metadata") || !(e.getValue() instanceof Map<?, ?> v)) {
                continue;
            }
            String resolution = String.valueOf(v.get("resolution"));
            String name = Npm.splitNameVersion(resolution)[0];
            int patch = resolution.indexOf("@patch:");
            if (patch > 0) {
                name = resolution.substring(0, patch);
            }
            if (name == null || name.isBlank()) {
                throw new LockfileException(
                        display,
                        Readers.lineOf(text, key.split(",")[0].trim()),
                        "entry '"
                                + key
                                + "' resolves to '"
                                + resolution
                                + "', which names no package (expected name@npm:version); "
                                + "run yarn install to rewrite the lockfile");
            }
            String workspace = null;
            int ws = resolution.indexOf("@workspace:");
            if (ws > 0) {
                workspace = resolution.substring(ws + "@workspace:".length());
            } else if (resolution.contains("@link:")
                    || resolution.contains("@portal:")
                    || resolution.contains("@file:")) {
                workspace =
                        ""; // a folder of the project, with no package.json of its own to consult
                // here
            }
            String version = v.get("version") == null ? null : String.valueOf(v.get("version"));
            List<String> deps = new ArrayList<>();
            if (v.get("dependencies") instanceof Map<?, ?> d) {
                d.forEach((dn, dr) -> deps.add(dn + "@" + dr));
            }
            Entry entry = new Entry(name, version, null, deps, workspace);
            for (String descriptor : key.split(",")) {
                out.put(descriptor.trim(), entry);
            }
        }
        return out;
    }

    /**
     * Yarn classic: unindented descriptor lines, two-space fields, four-space dependency entries.
     */
    private static Map<String, Entry> classic(String text, String display) {
        Map<String, Entry> out = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        List<String> descriptors = null;
        Map<String, String> fields = new HashMap<>();
        List<String> deps = new ArrayList<>();
        String block = null;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (line.isBlank() || line.startsWith("#")) {
                if (i < lines.length) {
                    continue;
                }
            }
            boolean top = i == lines.length || !line.startsWith(" ");
            if (top) {
                if (descriptors != null) {
                    String version = fields.get("version");
                    String name = Npm.splitNameVersion(descriptors.get(0))[0];
                    String range = Npm.splitNameVersion(descriptors.get(0))[1];
                    if (range != null && range.startsWith("npm:")) {
                        name = Npm.splitNameVersion(range.substring(4))[0]; // alias@npm:real@range
                    }
                    Entry entry =
                            new Entry(
                                    name,
                                    version,
                                    fields.get("integrity"),
                                    List.copyOf(deps),
                                    null);
                    descriptors.forEach(d -> out.put(d, entry));
                }
                if (i == lines.length) {
                    break;
                }
                if (!line.endsWith(":")) {
                    throw new LockfileException(
                            display,
                            i + 1,
                            "expected 'name@range:' at column 1, got '" + line.strip() + "'");
                }
                descriptors = new ArrayList<>();
                for (String d : line.substring(0, line.length() - 1).split(",")) {
                    descriptors.add(unquote(d.trim()));
                }
                fields = new HashMap<>();
                deps = new ArrayList<>();
                block = null;
                continue;
            }
            if (descriptors == null) {
                throw new LockfileException(display, i + 1, "indented line before any entry");
            }
            String content = line.strip();
            if (line.startsWith("    ")) {
                if ("dependencies".equals(block) || "optionalDependencies".equals(block)) {
                    String[] kv = keyValue(content, display, i + 1);
                    deps.add(kv[0] + "@" + kv[1]);
                }
            } else if (content.endsWith(":")) {
                block = content.substring(0, content.length() - 1);
            } else {
                String[] kv = keyValue(content, display, i + 1);
                fields.put(kv[0], kv[1]);
                block = null;
            }
        }
        return out;
    }

    private static String[] keyValue(String content, String display, int line) {
        String key;
        String rest;
        if (content.startsWith("\"")) {
            int end = content.indexOf('"', 1);
            if (end < 0) {
                throw new LockfileException(display, line, "unterminated quoted key");
            }
            key = content.substring(1, end);
            rest = content.substring(end + 1).strip();
        } else {
            int sp = content.indexOf(' ');
            if (sp < 0) {
                throw new LockfileException(
                        display, line, "expected 'key value', got '" + content + "'");
            }
            key = content.substring(0, sp);
            rest = content.substring(sp + 1).strip();
        }
        return new String[] {key, unquote(rest)};
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                ? s.substring(1, s.length() - 1)
                : s;
    }
}
