package dev.pipewright.action.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates SPDX 2.3 and CycloneDX 1.6 JSON documents: the official JSON schema (bundled, never
 * fetched), then what the schemas cannot express — SPDX's mandatory {@code documentNamespace},
 * SPDXID syntax and uniqueness, relationships that point nowhere; CycloneDX {@code bom-ref}
 * uniqueness and dependency references; every purl.
 */
public final class SbomValidator {
    private static final String SCHEMAS = "classpath:dev/pipewright/action/sbom/schemas/";
    private static final Pattern SPDX_ID = Pattern.compile("SPDXRef-[A-Za-z0-9.-]+");
    private static final Pattern EXTERNAL_ID =
            Pattern.compile("DocumentRef-[A-Za-z0-9.-]+:SPDXRef-[A-Za-z0-9.-]+");
    private static volatile JsonSchema spdx;
    private static volatile JsonSchema cyclonedx;

    /**
     * Which kind of document; {@link #UNKNOWN} when neither {@code spdxVersion} nor {@code
     * bomFormat} is present.
     */
    public enum Format {
        SPDX,
        CYCLONEDX,
        UNKNOWN
    }

    /**
     * The verdict: the format recognised and every problem found, each naming the JSON location.
     */
    public record Result(Format format, List<String> errors) {
        public boolean valid() {
            return format != Format.UNKNOWN && errors.isEmpty();
        }
    }

    static {
        // networknt logs through slf4j; without a provider slf4j prints a three-line warning on
        // every CLI run.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private SbomValidator() {}

    public static Result validate(JsonNode doc) {
        if (doc.has("spdxVersion")) {
            List<String> errors = schemaErrors(spdxSchema(), doc);
            if (!doc.path("spdxVersion").asText().equals("SPDX-2.3")) {
                errors.add(
                        "$.spdxVersion: " + doc.path("spdxVersion").asText() + " is not SPDX-2.3");
            }
            spdxSemantics(doc, errors);
            return new Result(Format.SPDX, errors);
        }
        if (doc.has("bomFormat")) {
            List<String> errors = schemaErrors(cyclonedxSchema(), doc);
            if (!doc.path("specVersion").asText().equals("1.6")) {
                errors.add("$.specVersion: " + doc.path("specVersion").asText() + " is not 1.6");
            }
            cyclonedxSemantics(doc, errors);
            return new Result(Format.CYCLONEDX, errors);
        }
        return new Result(
                Format.UNKNOWN,
                List.of(
                        "neither 'spdxVersion' (SPDX) nor 'bomFormat' (CycloneDX) at the top level"));
    }

    private static void spdxSemantics(JsonNode doc, List<String> errors) {
        String ns = doc.path("documentNamespace").asText("");
        if (ns.isEmpty()) {
            errors.add("$.documentNamespace: required by SPDX 2.3 clause 6.5 but missing");
        } else {
            try {
                URI uri = new URI(ns);
                if (!uri.isAbsolute() || ns.contains("#")) {
                    errors.add(
                            "$.documentNamespace: '"
                                    + ns
                                    + "' must be an absolute URI without '#'");
                }
            } catch (URISyntaxException e) {
                errors.add("$.documentNamespace: '" + ns + "' is not a URI: " + e.getReason());
            }
        }
        Set<String> ids = new HashSet<>();
        ids.add("SPDXRef-DOCUMENT");
        checkId(doc.path("SPDXID").asText(""), "$.SPDXID", new HashSet<>(), errors);
        for (String section : List.of("packages", "files", "snippets")) {
            JsonNode list = doc.path(section);
            for (int i = 0; i < list.size(); i++) {
                JsonNode el = list.get(i);
                checkId(
                        el.path("SPDXID").asText(""),
                        "$." + section + "[" + i + "].SPDXID",
                        ids,
                        errors);
                JsonNode refs = el.path("externalRefs");
                for (int k = 0; k < refs.size(); k++) {
                    if (refs.get(k).path("referenceType").asText().equals("purl")) {
                        checkPurl(
                                refs.get(k).path("referenceLocator").asText(),
                                "$." + section + "[" + i + "].externalRefs[" + k + "]",
                                errors);
                    }
                }
            }
        }
        for (JsonNode l : doc.path("hasExtractedLicensingInfos")) {
            ids.add(l.path("licenseId").asText());
        }
        JsonNode rels = doc.path("relationships");
        for (int i = 0; i < rels.size(); i++) {
            for (String field : List.of("spdxElementId", "relatedSpdxElement")) {
                String ref = rels.get(i).path(field).asText("");
                boolean special =
                        ref.equals("NONE")
                                || ref.equals("NOASSERTION")
                                || EXTERNAL_ID.matcher(ref).matches();
                if (!special && !ids.contains(ref)) {
                    errors.add(
                            "$.relationships["
                                    + i
                                    + "]."
                                    + field
                                    + ": no SPDX element has id '"
                                    + ref
                                    + "'");
                }
            }
        }
        JsonNode describes = doc.path("documentDescribes");
        for (int i = 0; i < describes.size(); i++) {
            if (!ids.contains(describes.get(i).asText())) {
                errors.add(
                        "$.documentDescribes["
                                + i
                                + "]: no SPDX element has id '"
                                + describes.get(i).asText()
                                + "'");
            }
        }
    }

    private static void checkId(String id, String where, Set<String> ids, List<String> errors) {
        if (!SPDX_ID.matcher(id).matches()) {
            errors.add(
                    where
                            + ": '"
                            + id
                            + "' is not SPDXRef- followed by letters, digits, '.' or '-'");
        } else if (!ids.add(id)) {
            errors.add(where + ": SPDXID '" + id + "' is used twice");
        }
    }

    private static void cyclonedxSemantics(JsonNode doc, List<String> errors) {
        Set<String> refs = new HashSet<>();
        String rootRef = doc.path("metadata").path("component").path("bom-ref").asText(null);
        if (rootRef != null) {
            refs.add(rootRef);
        }
        components(doc.path("components"), "$.components", refs, errors);
        JsonNode deps = doc.path("dependencies");
        for (int i = 0; i < deps.size(); i++) {
            String ref = deps.get(i).path("ref").asText("");
            if (!refs.contains(ref)) {
                errors.add("$.dependencies[" + i + "].ref: no component has bom-ref '" + ref + "'");
            }
            JsonNode on = deps.get(i).path("dependsOn");
            for (int k = 0; k < on.size(); k++) {
                if (!refs.contains(on.get(k).asText())) {
                    errors.add(
                            "$.dependencies["
                                    + i
                                    + "].dependsOn["
                                    + k
                                    + "]: no component has bom-ref '"
                                    + on.get(k).asText()
                                    + "'");
                }
            }
        }
    }

    private static void components(
            JsonNode list, String path, Set<String> refs, List<String> errors) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String where = path + "[" + i + "]";
            if (c.has("bom-ref") && !refs.add(c.path("bom-ref").asText())) {
                errors.add(where + ".bom-ref: '" + c.path("bom-ref").asText() + "' is used twice");
            }
            if (c.has("purl")) {
                checkPurl(c.path("purl").asText(), where + ".purl", errors);
            }
            components(c.path("components"), where + ".components", refs, errors);
        }
    }

    private static void checkPurl(String purl, String where, List<String> errors) {
        try {
            Purl.parse(purl);
        } catch (IllegalArgumentException e) {
            errors.add(where + ": '" + purl + "' is not a valid purl: " + e.getMessage());
        }
    }

    private static List<String> schemaErrors(JsonSchema schema, JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(doc)) {
            out.add(m.getMessage());
        }
        out.sort(null);
        return out;
    }

    private static JsonSchema spdxSchema() {
        if (spdx == null) {
            spdx = load("spdx-2.3-schema.json");
        }
        return spdx;
    }

    private static JsonSchema cyclonedxSchema() {
        if (cyclonedx == null) {
            cyclonedx = load("bom-1.6.schema.json");
        }
        return cyclonedx;
    }

    private static JsonSchema load(String file) {
        // bom-1.6 refers to spdx.schema.json and jsf-0.82.schema.json by its own $id; serve them
        // from the jar.
        JsonSchemaFactory factory =
                JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V7,
                        b ->
                                b.schemaMappers(
                                        m -> m.mapPrefix("http://cyclonedx.org/schema/", SCHEMAS)));
        return factory.getSchema(
                SchemaLocation.of(SCHEMAS + file), SchemaValidatorsConfig.builder().build());
    }
}
