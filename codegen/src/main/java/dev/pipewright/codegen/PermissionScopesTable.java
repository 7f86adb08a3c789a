package dev.pipewright.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@code PermissionScopes}: the GITHUB_TOKEN permission scopes of the workflow schema and the
 * levels each accepts.
 */
final class PermissionScopesTable {
    private PermissionScopesTable() {}

    static GeneratedSource generate(Path root) {
        JsonNode defs = Tables.json(root, Tables.WORKFLOW_SCHEMA).get("definitions");
        Map<String, CodeBlock> scopes = new LinkedHashMap<>();
        defs.get("permissions-mapping")
                .get("mapping")
                .get("properties")
                .fields()
                .forEachRemaining(
                        p -> {
                            JsonNode v = p.getValue();
                            List<String> levels = new ArrayList<>();
                            constants(
                                    defs,
                                    v.isTextual() ? v.asText() : v.get("type").asText(),
                                    levels);
                            scopes.put(p.getKey(), Tables.setOf(levels));
                        });
        var type =
                Tables.tableClass(
                                "PermissionScopes",
                                "The GITHUB_TOKEN permission scopes and the levels each accepts.")
                        .addField(
                                FieldSpec.builder(
                                                ParameterizedTypeName.get(
                                                        ClassNames.MAP,
                                                        ClassNames.STRING,
                                                        ParameterizedTypeName.get(
                                                                Set.class, String.class)),
                                                "SCOPES",
                                                Modifier.PUBLIC,
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc("Scope name to its allowed levels.")
                                        .initializer(Tables.mapOfEntries(scopes))
                                        .build())
                        .build();
        return JavaSources.render(
                Tables.CORE_DIRECTORY,
                Tables.CORE_PACKAGE,
                type,
                Tables.WORKFLOW_SCHEMA + " (" + Tables.SCHEMA_VERSION + ")");
    }

    /**
     * The string constants a definition allows, following one-of alternatives, in the schema's
     * order.
     */
    static void constants(JsonNode defs, String type, List<String> out) {
        JsonNode d = defs.get(type);
        if (d == null) {
            throw new IllegalArgumentException(
                    Tables.WORKFLOW_SCHEMA + ": no definition named " + type);
        }
        if (d.has("one-of")) {
            d.get("one-of").forEach(t -> constants(defs, t.asText(), out));
        } else if (d.has("string") && d.get("string").has("constant")) {
            out.add(d.get("string").get("constant").asText());
        } else if (d.has("allowed-values")) {
            d.get("allowed-values").forEach(v -> out.add(v.asText()));
        }
    }
}
