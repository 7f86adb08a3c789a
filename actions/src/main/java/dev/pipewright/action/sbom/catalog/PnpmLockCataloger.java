package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code pnpm-lock.yaml} v5–v9. Components are the keys of {@code packages} (v9: {@code name@version}; v6:
 * {@code /name@version}; v5: {@code /name/version}); edges come from {@code snapshots} (v9) or the packages
 * themselves; a package is dev when only importers' {@code devDependencies} reach it. Of a multi-document lock
 * (pnpm's own {@code packageManagerDependencies} first) the last document is the project's.
 */
public final class PnpmLockCataloger implements Cataloger {
    private static final List<String> PROD = List.of("dependencies", "optionalDependencies");

    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("pnpm-lock.yaml") && !relative.contains("node_modules/");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options) throws IOException {
        List<Object> docs = Readers.yamlDocuments(file, display);
        Map<String, Object> lock = null;
        for (Object d : docs) {
            if (d instanceof Map<?, ?> m && m.containsKey("lockfileVersion")) {
                lock = map(m);
            }
        }
        if (lock == null) {
            throw new LockfileException(display, 1, "no 'lockfileVersion': not a pnpm lockfile");
        }
        Map<String, Object> packages = map(lock.get("packages"));
        Map<String, Object> snapshots = lock.containsKey("snapshots") ? map(lock.get("snapshots")) : packages;
        // package key (no peer suffix) -> name, version
        Map<String, String[]> ids = new TreeMap<>();
        for (String key : packages.keySet()) {
            String[] nv = parseKey(key);
            if (nv == null) {
                catalog.unresolved(display + ": package key '" + key + "' not understood");
                continue;
            }
            Map<String, Object> entry = map(packages.get(key));
            if (entry.get("name") instanceof String n && entry.get("version") instanceof String v) {
                nv = new String[] {n, v}; // tarball and git dependencies record their real name and version
            }
            if (nv[1] == null || isLocal(nv[1])) {
                continue; // file:/link: packages are the project's own directories
            }
            ids.put(stripPeers(key), new String[] {nv[0], nv[1], key});
        }
        Map<String, Set<String>> graph = new HashMap<>();
        for (Map.Entry<String, Object> s : snapshots.entrySet()) {
            String from = stripPeers(s.getKey());
            Map<String, Object> snap = map(s.getValue());
            for (String field : PROD) {
                for (Map.Entry<String, Object> dep : map(snap.get(field)).entrySet()) {
                    String to = target(dep.getKey(), dep.getValue());
                    if (to != null) {
                        graph.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                    }
                }
            }
        }
        Set<String> prodRoots = new LinkedHashSet<>();
        Set<String> devRoots = new LinkedHashSet<>();
        Map<String, Object> importers = lock.containsKey("importers") ? map(lock.get("importers")) : Map.of(".", lock);
        for (Object imp : importers.values()) {
            Map<String, Object> importer = map(imp);
            for (String field : List.of("dependencies", "optionalDependencies", "devDependencies")) {
                for (Map.Entry<String, Object> dep : map(importer.get(field)).entrySet()) {
                    Object ref = dep.getValue() instanceof Map<?, ?> m ? m.get("version") : dep.getValue();
                    String to = target(dep.getKey(), ref);
                    if (to != null) {
                        (field.equals("devDependencies") ? devRoots : prodRoots).add(to);
                    }
                }
            }
        }
        Set<String> prod = reach(prodRoots, graph);
        for (Map.Entry<String, String[]> e : ids.entrySet()) {
            Map<String, Object> entry = map(packages.get(e.getValue()[2]));
            Object dev = entry.get("dev");
            boolean isDev = dev instanceof Boolean b ? b : !prod.contains(e.getKey());
            String integrity = map(entry.get("resolution")).get("integrity") instanceof String s ? s : null;
            catalog.add(Npm.component(e.getValue()[0], e.getValue()[1], Hashes.integrity(integrity), isDev, display));
        }
        for (Map.Entry<String, Set<String>> g : graph.entrySet()) {
            String[] from = ids.get(g.getKey());
            for (String t : g.getValue()) {
                String[] to = ids.get(t);
                if (from != null && to != null) {
                    catalog.edge(Npm.purl(from[0], from[1]).toString(), Npm.purl(to[0], to[1]).toString());
                }
            }
        }
        for (Set<String> roots : List.of(prodRoots, devRoots)) {
            for (String r : roots) {
                String[] nv = ids.get(r);
                if (nv != null) {
                    catalog.direct(Npm.purl(nv[0], nv[1]).toString());
                }
            }
        }
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

    /** The package key a dependency reference points at, without peer suffix; null for links to workspace folders. */
    static String target(String depName, Object refObj) {
        if (!(refObj instanceof String) && !(refObj instanceof Number)) {
            return null;
        }
        String ref = String.valueOf(refObj);
        if (ref.startsWith("link:") || ref.startsWith("file:") || ref.startsWith("workspace:")) {
            return null;
        }
        String base = stripPeers(ref.startsWith("/") ? ref.substring(1) : ref);
        if (!base.isEmpty() && (Character.isDigit(base.charAt(0)) || base.startsWith("https:"))) {
            return depName + "@" + base;
        }
        return base; // alias or v6 path form: the reference is itself a key
    }

    /** Name and version of a packages key, or null. */
    static String[] parseKey(String rawKey) {
        String key = stripPeers(rawKey.startsWith("/") ? rawKey.substring(1) : rawKey);
        int at = key.indexOf('@', key.startsWith("@") ? 1 : 0);
        if (at > 0) {
            return new String[] {key.substring(0, at), key.substring(at + 1)};
        }
        // v5: name/version or @scope/name/version
        int slash = key.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        String version = key.substring(slash + 1);
        int underscore = version.indexOf('_'); // v5 peer suffix
        return new String[] {key.substring(0, slash), underscore > 0 ? version.substring(0, underscore) : version};
    }

    static String stripPeers(String key) {
        int paren = key.indexOf('(');
        String k = paren > 0 ? key.substring(0, paren) : key;
        return k.startsWith("/") ? k.substring(1) : k;
    }

    private static boolean isLocal(String version) {
        return version.startsWith("file:") || version.startsWith("link:") || version.startsWith("workspace:");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
