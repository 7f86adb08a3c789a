package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.Purl;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/** npm names and purls shared by the package-lock, pnpm and yarn catalogers. */
final class Npm {
    private Npm() {}

    static Purl purl(String name, String version) {
        int slash = name.indexOf('/');
        if (name.startsWith("@") && slash > 0) {
            return Purl.of("npm", name.substring(0, slash), name.substring(slash + 1), version);
        }
        return Purl.of("npm", null, name, version);
    }

    static Component component(
            String name,
            String version,
            SortedMap<String, SortedSet<String>> hashes,
            boolean dev,
            String source) {
        return new Component(
                Ecosystem.NPM, name, version, purl(name, version), hashes, dev, Set.of(source));
    }

    /**
     * {@code @scope/name@1.2.3} → name and version split at the last '@' that is not the scope's.
     */
    static String[] splitNameVersion(String spec) {
        int at = spec.indexOf('@', spec.startsWith("@") ? 1 : 0);
        if (at < 0) {
            return new String[] {spec, null};
        }
        return new String[] {spec.substring(0, at), spec.substring(at + 1)};
    }
}
