package dev.pipewright.action.sbom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * SPDX 2.3 JSON: document, the described package ({@code DESCRIBES}), one package per component
 * with its purl as a {@code PACKAGE-MANAGER} reference, {@code DEPENDS_ON} for every edge. SPDXIDs
 * are derived from the purl, so they are stable and unique; the namespace is a UUID of the content
 * and the creation time.
 */
public final class SpdxWriter {
    static final String ROOT_ID = "SPDXRef-Package-root";

    private SpdxWriter() {}

    public static String write(Catalog catalog, DocumentInfo info) {
        Map<String, String> spdxIds = new HashMap<>();
        ArrayNode packages = JsonOutput.MAPPER.createArrayNode();
        ObjectNode root = packages.addObject();
        root.put("name", info.name());
        root.put("SPDXID", ROOT_ID);
        if (info.version() != null) {
            root.put("versionInfo", info.version());
        }
        root.put("downloadLocation", "NOASSERTION");
        root.put("filesAnalyzed", false);
        root.put("primaryPackagePurpose", "APPLICATION");
        for (Component c : catalog.components().values()) {
            String id = spdxId(c);
            spdxIds.put(c.id(), id);
            ObjectNode p = packages.addObject();
            p.put("name", c.name());
            p.put("SPDXID", id);
            if (c.version() != null) {
                p.put("versionInfo", c.version());
            }
            p.put("downloadLocation", "NOASSERTION");
            p.put("filesAnalyzed", false);
            if (!c.hashes().isEmpty()) {
                ArrayNode sums = p.putArray("checksums");
                c.hashes()
                        .forEach(
                                (alg, values) ->
                                        values.forEach(
                                                v -> {
                                                    ObjectNode s = sums.addObject();
                                                    s.put("algorithm", alg.replace("-", ""));
                                                    s.put("checksumValue", v);
                                                }));
            }
            ObjectNode ref = p.putArray("externalRefs").addObject();
            ref.put("referenceCategory", "PACKAGE-MANAGER");
            ref.put("referenceType", "purl");
            ref.put("referenceLocator", c.id());
            p.put("primaryPackagePurpose", "LIBRARY");
            if (c.dev()) {
                p.put("comment", "development dependency");
            }
        }
        ArrayNode rels = JsonOutput.MAPPER.createArrayNode();
        relationship(rels, "SPDXRef-DOCUMENT", "DESCRIBES", ROOT_ID);
        for (String d : catalog.direct()) {
            relationship(rels, ROOT_ID, "DEPENDS_ON", spdxIds.get(d));
        }
        for (Map.Entry<String, SortedSet<String>> e : catalog.edges().entrySet()) {
            for (String to : e.getValue()) {
                relationship(rels, spdxIds.get(e.getKey()), "DEPENDS_ON", spdxIds.get(to));
            }
        }
        String created =
                DateTimeFormatter.ISO_INSTANT.format(
                        info.created().truncatedTo(ChronoUnit.SECONDS));
        ObjectNode doc = JsonOutput.object();
        doc.put("spdxVersion", "SPDX-2.3");
        doc.put("dataLicense", "CC0-1.0");
        doc.put("SPDXID", "SPDXRef-DOCUMENT");
        doc.put("name", info.name() + (info.version() == null ? "" : "-" + info.version()));
        doc.put("documentNamespace", "");
        ObjectNode creation = doc.putObject("creationInfo");
        creation.put("created", created);
        creation.putArray("creators").add("Tool: pipewright-" + info.toolVersion());
        doc.putArray("documentDescribes").add(ROOT_ID);
        doc.set("packages", packages);
        doc.set("relationships", rels);
        // The namespace names this document: a UUID of everything else in it, creation time
        // included.
        String uuid = DocumentInfo.uuid(JsonOutput.write(doc));
        doc.put(
                "documentNamespace",
                "https://pipewright.dev/spdxdocs/" + slug(info.name()) + "-" + uuid);
        return JsonOutput.write(doc);
    }

    private static void relationship(ArrayNode rels, String from, String type, String to) {
        ObjectNode r = rels.addObject();
        r.put("spdxElementId", from);
        r.put("relationshipType", type);
        r.put("relatedSpdxElement", to);
    }

    /**
     * {@code SPDXRef-Package-<type>-<name>-<version>-<8 hex of the purl>}: readable, valid, unique
     * per purl.
     */
    static String spdxId(Component c) {
        String readable =
                c.purl().type()
                        + "-"
                        + c.purl().fullName()
                        + (c.version() == null ? "" : "-" + c.version());
        return "SPDXRef-Package-"
                + slug(readable)
                + "-"
                + DocumentInfo.sha256Hex(c.id()).substring(0, 8);
    }

    static String slug(String s) {
        String out =
                s.replaceAll("[^A-Za-z0-9.-]+", "-")
                        .replaceAll("-{2,}", "-")
                        .replaceAll("^-|-$", "");
        return out.isEmpty() ? "x" : out;
    }
}
