package dev.pipewright.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * GitHub's workflow and action.yml schemas as the linter's {@code WorkflowSchemaTable} and {@code
 * ActionSchemaTable}: one line per definition, {@code name TAB kind TAB contexts TAB payload},
 * descriptions dropped. Kinds: mapping (payload {@code key=type[!],...;looseKey;looseValue}),
 * sequence (item type), one-of (types), string ({@code const=X}, {@code nonempty} or empty),
 * allowed (values), boolean, number, null.
 */
final class SchemaDefinitionTables {
    private SchemaDefinitionTables() {}

    static List<GeneratedSource> generate(Path root) {
        return List.of(
                table(root, "WorkflowSchemaTable", Tables.WORKFLOW_SCHEMA, false),
                table(root, "ActionSchemaTable", Tables.ACTION_SCHEMA, true));
    }

    /**
     * The workflow's contexts are left out: they are {@code ContextAvailability}, which the
     * generator reads too.
     */
    private static GeneratedSource table(
            Path root, String cls, String source, boolean withContexts) {
        JsonNode schema = Tables.json(root, source);
        List<CodeBlock> lines = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = schema.get("definitions").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            lines.add(CodeBlock.of("$S,\n", line(source, e.getKey(), e.getValue(), withContexts)));
        }
        FieldSpec definitions =
                FieldSpec.builder(
                                ArrayTypeName.of(String.class),
                                "DEFINITIONS",
                                Modifier.PUBLIC,
                                Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc(
                                withContexts
                                        ? "Definitions: name, kind, allowed contexts, payload; tab separated."
                                        : "Definitions: name, kind, (contexts: see {@code ContextAvailability}), payload; tab separated.")
                        .initializer("{\n$>$L$<}", CodeBlock.join(lines, ""))
                        .build();
        return JavaSources.render(
                Tables.LINTER_DIRECTORY,
                Tables.LINTER_PACKAGE,
                Tables.tableClass(
                                cls,
                                "GitHub's "
                                        + (withContexts ? "action.yml" : "workflow")
                                        + " schema definitions in a compact line format read by {@code Schema}.")
                        .addField(definitions)
                        .build(),
                source + " (" + Tables.SCHEMA_VERSION + ")");
    }

    private static String line(String source, String name, JsonNode def, boolean withContexts) {
        List<String> ctx = new ArrayList<>();
        if (withContexts) {
            def.path("context").forEach(c -> ctx.add(c.asText()));
        }
        String kind;
        String payload;
        if (def.has("mapping")) {
            kind = "mapping";
            JsonNode m = def.get("mapping");
            List<String> props = new ArrayList<>();
            m.path("properties")
                    .fields()
                    .forEachRemaining(
                            p -> {
                                JsonNode v = p.getValue();
                                String type =
                                        v.isTextual() ? v.asText() : v.path("type").asText("any");
                                boolean req = v.path("required").asBoolean(false);
                                props.add(p.getKey() + "=" + type + (req ? "!" : ""));
                            });
            payload =
                    String.join(",", props)
                            + ";"
                            + m.path("loose-key-type").asText("")
                            + ";"
                            + m.path("loose-value-type").asText("");
        } else if (def.has("sequence")) {
            kind = "sequence";
            payload = def.get("sequence").path("item-type").asText("any");
        } else if (def.has("one-of")) {
            kind = "one-of";
            payload = String.join(",", Tables.texts(def.get("one-of")));
        } else if (def.has("string")) {
            kind = "string";
            JsonNode s = def.get("string");
            payload =
                    s.has("constant")
                            ? "const=" + s.get("constant").asText()
                            : s.path("require-non-empty").asBoolean(false) ? "nonempty" : "";
        } else if (def.has("allowed-values")) {
            kind = "allowed";
            payload = String.join(",", Tables.texts(def.get("allowed-values")));
        } else if (def.has("boolean")) {
            kind = "boolean";
            payload = "";
        } else if (def.has("number")) {
            kind = "number";
            payload = "";
        } else if (def.has("null")) {
            kind = "null";
            payload = "";
        } else {
            throw new IllegalArgumentException(
                    source
                            + ": definition "
                            + name
                            + " has none of mapping, sequence, one-of, string, allowed-values, boolean, number, null");
        }
        return name + "\t" + kind + "\t" + String.join(",", ctx) + "\t" + payload;
    }
}
