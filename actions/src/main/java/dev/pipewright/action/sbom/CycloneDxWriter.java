package dev.pipewright.action.sbom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedSet;

/**
 * CycloneDX 1.6 JSON: {@code metadata.component} is the described artifact, one {@code library} per
 * component with its purl as {@code bom-ref}, {@code dependencies} wherever edges are known; dev
 * components get scope {@code optional}. The serial number is a UUID of the content (and the
 * timestamp, present only with an epoch).
 */
public final class CycloneDxWriter {
    static final String ROOT_REF = "root-component";

    private CycloneDxWriter() {}

    public static String write(Catalog catalog, DocumentInfo info) {
        ObjectNode bom = JsonOutput.object();
        bom.put("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", "1.6");
        bom.put("serialNumber", "");
        bom.put("version", 1);
        ObjectNode metadata = bom.putObject("metadata");
        if (info.reproducible()) {
            metadata.put(
                    "timestamp",
                    DateTimeFormatter.ISO_INSTANT.format(
                            info.created().truncatedTo(ChronoUnit.SECONDS)));
        }
        ObjectNode tool = metadata.putObject("tools").putArray("components").addObject();
        tool.put("type", "application");
        tool.put("author", "Pipewright");
        tool.put("name", "pipewright");
        tool.put("version", info.toolVersion());
        ObjectNode root = metadata.putObject("component");
        root.put("type", "application");
        root.put("bom-ref", ROOT_REF);
        root.put("name", info.name());
        if (info.version() != null) {
            root.put("version", info.version());
        }
        ArrayNode components = bom.putArray("components");
        for (Component c : catalog.components().values()) {
            ObjectNode n = components.addObject();
            n.put("type", "library");
            n.put("bom-ref", c.id());
            String group = group(c);
            if (group != null) {
                n.put("group", group);
                n.put("name", c.purl().name());
            } else {
                n.put("name", c.name());
            }
            if (c.version() != null) {
                n.put("version", c.version());
            }
            if (c.dev()) {
                n.put("scope", "optional");
            }
            if (!c.hashes().isEmpty()) {
                ArrayNode hashes = n.putArray("hashes");
                c.hashes()
                        .forEach(
                                (alg, values) ->
                                        values.forEach(
                                                v -> {
                                                    ObjectNode h = hashes.addObject();
                                                    h.put("alg", alg);
                                                    h.put("content", v);
                                                }));
            }
            n.put("purl", c.id());
            if (c.dev() && c.purl().type().equals("npm")) {
                // The CycloneDX property taxonomy's flag, as cyclonedx-npm and cdxgen write it.
                ObjectNode prop = n.putArray("properties").addObject();
                prop.put("name", "cdx:npm:package:development");
                prop.put("value", "true");
            }
        }
        ArrayNode deps = bom.putArray("dependencies");
        ObjectNode rootDeps = deps.addObject();
        rootDeps.put("ref", ROOT_REF);
        ArrayNode rootOn = rootDeps.putArray("dependsOn");
        catalog.direct().forEach(rootOn::add);
        for (Map.Entry<String, SortedSet<String>> e : catalog.edges().entrySet()) {
            ObjectNode d = deps.addObject();
            d.put("ref", e.getKey());
            ArrayNode on = d.putArray("dependsOn");
            e.getValue().forEach(on::add);
        }
        bom.put("serialNumber", "urn:uuid:" + DocumentInfo.uuid(JsonOutput.write(bom)));
        return JsonOutput.write(bom);
    }

    /**
     * Maven's groupId and an npm scope are CycloneDX groups; other ecosystems keep the full name.
     */
    private static String group(Component c) {
        String type = c.purl().type();
        return (type.equals("maven") || type.equals("npm")) && c.purl().namespace() != null
                ? c.purl().namespace()
                : null;
    }
}
