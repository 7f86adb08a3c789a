package dev.pipewright.action.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.action.InputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An in-toto Statement v1: subjects (name + sha256), a predicate type and the predicate. */
public record InTotoStatement(List<Subject> subjects, String predicateType, JsonNode predicate) {
    public static final String TYPE_V1 = "https://in-toto.io/Statement/v1";
    public static final String TYPE_V01 = "https://in-toto.io/Statement/v0.1";
    public static final String SPDX = "https://spdx.dev/Document";
    public static final String CYCLONEDX = "https://cyclonedx.org/bom";

    /** One subject; {@code sha256} is lower-case hex. */
    public record Subject(String name, String sha256) {}

    public InTotoStatement {
        subjects = List.copyOf(subjects);
    }

    /** The signed payload: compact JSON, fields in the order of the spec's examples. */
    public byte[] toPayload() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("_type", TYPE_V1);
        ArrayNode subs = root.putArray("subject");
        for (Subject s : subjects) {
            ObjectNode o = subs.addObject();
            o.put("name", s.name());
            o.putObject("digest").put("sha256", s.sha256());
        }
        root.put("predicateType", predicateType);
        root.set("predicate", predicate);
        return Json.compact(root);
    }

    /** Reads a statement from a DSSE payload; null fields become a reason in the exception. */
    public static InTotoStatement parse(byte[] payload, String shown)
            throws SigstoreBundle.BundleException {
        JsonNode root;
        try {
            root = Json.parse(payload, shown + " (DSSE payload)");
        } catch (Json.JsonException e) {
            throw new SigstoreBundle.BundleException(e.getMessage());
        }
        String type = root.path("_type").asText();
        if (!type.equals(TYPE_V1) && !type.equals(TYPE_V01)) {
            throw new SigstoreBundle.BundleException(
                    shown + ": payload _type is '" + type + "', not an in-toto Statement");
        }
        List<Subject> subjects = new ArrayList<>();
        for (JsonNode s : root.path("subject")) {
            subjects.add(
                    new Subject(
                            s.path("name").asText(),
                            s.path("digest").path("sha256").asText().toLowerCase(Locale.ROOT)));
        }
        if (subjects.isEmpty()) {
            throw new SigstoreBundle.BundleException(
                    shown + ": the in-toto statement has no subject");
        }
        return new InTotoStatement(
                subjects, root.path("predicateType").asText(), root.path("predicate"));
    }

    /** {@code spdx}, {@code cyclonedx} or an absolute URI, as given in {@code input}. */
    public static String predicateType(String input, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "spdx", "spdxjson", "spdx-json":
                return SPDX;
            case "cyclonedx", "cdx":
                return CYCLONEDX;
            default:
                break;
        }
        try {
            if (new URI(value).getScheme() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // fall through to the error
        }
        throw InputException.forInput(
                input, "expected spdx, cyclonedx or a predicate type URI, got '" + value + "'");
    }
}
