package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.Purl;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Maven coordinates as components ({@code pkg:maven/group/artifact@version}, non-default
 * type/classifier qualified).
 */
final class Maven {
    private Maven() {}

    static Component component(
            String group,
            String artifact,
            String version,
            String type,
            String classifier,
            SortedMap<String, SortedSet<String>> hashes,
            boolean dev,
            String source) {
        TreeMap<String, String> q = new TreeMap<>();
        if (classifier != null && !classifier.isEmpty()) {
            q.put("classifier", classifier);
        }
        if (type != null && !type.isEmpty() && !type.equals("jar")) {
            q.put("type", type);
        }
        Purl purl = new Purl("maven", group, artifact, version, q, null);
        return new Component(
                Ecosystem.JAVA, group + ":" + artifact, version, purl, hashes, dev, Set.of(source));
    }
}
