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
 * {@code pnpm-lock.yaml} v5–v9. Components are the keys of {@code packages} (v9: {@code
 * name@version(peer@x)}; v6: {@code /name@version(peer@x)}; v5: {@code /name/version_peer@x}, where
 * a scoped peer is written {@code _@scope+name@x}); a key's peer suffix only tells apart installs
 * of one package against different peers, so it is dropped and they are one component. Edges come
 * from {@code snapshots} (v9) or the packages themselves; a package is dev when only importers'
 * {@code devDependencies} reach it. Of a multi-document lock (pnpm's own {@code
 * packageManagerDependencies} first) the last document is the project's.
 */
public final class PnpmLockCataloger implements Cataloger {
    private static final List<String> PROD = List.of("dependencies", "optionalDependencies");

    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("pnpm-lock.yaml")
                && !relative.contains("node_modules/");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
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
        boolean v5 = isV5(lock.get("lockfileVersion"));
        Map<String, Object> packages = map(lock.get("packages"));
        Map<String, Object> snapshots =
                lock.containsKey("snapshots") ? map(lock.get("snapshots")) : packages;
        // package key (no peer suffix) -> name, version
        Map<String, String[]> ids = new TreeMap<>();
        for (String key : packages.keySet()) {
            String[] nv = parseKey(key, v5);
            if (nv == null) {
                catalog.unresolved(display + ": package key '" + key + "' not understood");
                continue;
            }
            Map<String, Object> entry = map(packages.get(key));
            if (entry.get("name") instanceof String n && entry.get("version") instanceof String v) {
                nv =
                        new String[] {
                            n, v
                        }; // tarball and git dependencies record their real name and version
            }
            if (nv[1] == null || isLocal(nv[1])) {
                continue; // file:/link: packages are the project's own directories
            }
            ids.put(id(key, v5), new String[] {nv[0], nv[1], key});
        }
        Map<String, Set<String>> graph = new HashMap<>();
        for (Map.Entry<String, Object> s : snapshots.entrySet()) {
            String from = id(s.getKey(), v5);
            Map<String, Object> snap = map(s.getValue());
            for (String field : PROD) {
                for (Map.Entry<String, Object> dep : map(snap.get(field)).entrySet()) {
                    String to = target(dep.getKey(), dep.getValue(), v5);
                    if (to != null) {
                        graph.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                    }
                }
            }
        }
        Set<String> prodRoots = new LinkedHashSet<>();
        Set<String> devRoots = new LinkedHashSet<>();
        Map<String, Object> importers =
                lock.containsKey("importers") ? map(lock.get("importers")) : Map.of(".", lock);
        for (Object imp : importers.values()) {
            Map<String, Object> importer = map(imp);
            for (String field :
                    List.of("dependencies", "optionalDependencies", "devDependencies")) {
                for (Map.Entry<String, Object> dep : map(importer.get(field)).entrySet()) {
                    Object ref =
                            dep.getValue() instanceof Map<?, ?> m
                                    ? m.get("version")
                                    : dep.getValue();
                    String to = target(dep.getKey(), ref, v5);
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
            String integrity =
                    map(entry.get("resolution")).get("integrity") instanceof String s ? s : null;
            catalog.add(
                    Npm.component(
                            e.getValue()[0],
                            e.getValue()[1],
                            Hashes.integrity(integrity),
                            isDev,
                            display));
        }
        for (Map.Entry<String, Set<String>> g : graph.entrySet()) {
            String[] from = ids.get(g.getKey());
            for (String t : g.getValue()) {
                String[] to = ids.get(t);
                if (from != null && to != null) {
                    catalog.edge(
                            Npm.purl(from[0], from[1]).toString(),
                            Npm.purl(to[0], to[1]).toString());
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

    /**
     * Lockfile format 5.x (pnpm 7 and older) writes {@code /name/version_peers} keys; 6.0 and 9.0
     * use '@'.
     */
    static boolean isV5(Object lockfileVersion) {
        String v = String.valueOf(lockfileVersion);
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot)) < 6;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The package key a dependency reference points at, without peer suffix; null for links to
     * workspace folders.
     */
    static String target(String depName, Object refObj, boolean v5) {
        if (!(refObj instanceof String) && !(refObj instanceof Number)) {
            return null;
        }
        String ref = String.valueOf(refObj);
        if (ref.startsWith("link:") || ref.startsWith("file:") || ref.startsWith("workspace:")) {
            return null;
        }
        if (!ref.isEmpty() && Character.isDigit(ref.charAt(0))) {
            return depName + "@" + withoutPeers(ref, v5); // a version: the package of that name
        }
        if (ref.startsWith("https:")) {
            return depName + "@" + ref;
        }
        return id(ref, v5); // alias or path form: the reference is itself a key
    }

    /**
     * A packages key (or a path reference) as {@code name@version} without peers, the same for
     * every format.
     */
    static String id(String rawKey, boolean v5) {
        String key = rawKey.startsWith("/") ? rawKey.substring(1) : rawKey;
        if (!v5) {
            return withoutPeers(key, false);
        }
        String[] nv = v5NameVersion(key);
        return nv == null ? key : nv[0] + "@" + nv[1];
    }

    /** Name and version of a packages key, or null. */
    static String[] parseKey(String rawKey, boolean v5) {
        String key = rawKey.startsWith("/") ? rawKey.substring(1) : rawKey;
        if (v5) {
            return v5NameVersion(key);
        }
        key = withoutPeers(key, false);
        int at = key.indexOf('@', key.startsWith("@") ? 1 : 0);
        return at > 0 ? new String[] {key.substring(0, at), key.substring(at + 1)} : null;
    }

    /**
     * {@code name/version_peers} or {@code @scope/name/version_peers}: the name has one or two
     * segments.
     */
    private static String[] v5NameVersion(String key) {
        int first = key.indexOf('/');
        int end = key.startsWith("@") && first > 0 ? key.indexOf('/', first + 1) : first;
        if (end <= 0 || end == key.length() - 1) {
            return null;
        }
        return new String[] {key.substring(0, end), withoutPeers(key.substring(end + 1), true)};
    }

    /**
     * A version without its peer suffix: {@code (peer@x)} since 6.0, {@code _peer@x} before (semver
     * has no '_').
     */
    private static String withoutPeers(String version, boolean v5) {
        int cut = version.indexOf(v5 ? '_' : '(');
        return cut > 0 ? version.substring(0, cut) : version;
    }

    private static boolean isLocal(String version) {
        return version.startsWith("file:")
                || version.startsWith("link:")
                || version.startsWith("workspace:");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
