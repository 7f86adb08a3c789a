package dev.pipewright.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The dependabot.yml oracle: SchemaStore's dependabot-2.0 schema (see schemas/SOURCE.md), applied
 * with networknt's validator to YAML read by Jackson.
 */
public final class DependabotSchema {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema SCHEMA = load();

    private DependabotSchema() {}

    /** The schema's complaints about the document, sorted; empty when it is valid. */
    public static List<String> problems(String yaml) {
        JsonNode doc;
        try {
            doc = YAML.readTree(yaml);
        } catch (IOException e) {
            return List.of("not YAML: " + e.getMessage());
        }
        return SCHEMA.validate(doc).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream in =
                DependabotSchema.class.getResourceAsStream("/schemas/dependabot-2.0.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "schemas/dependabot-2.0.json is missing from the test class path");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
