package dev.pipewright.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code WebhookEvents}: the events of the workflow schema's strict {@code on:} mapping, each with
 * its activity types, filter keys and every key its configuration may have; the generator's {@code
 * EventCatalog} and the linter read it.
 */
final class WebhookEventsTable {
    private WebhookEventsTable() {}

    static GeneratedSource generate(Path root) {
        JsonNode defs = Tables.json(root, Tables.WORKFLOW_SCHEMA).get("definitions");
        Map<String, CodeBlock> events = new LinkedHashMap<>();
        defs.get("on-mapping-strict")
                .get("mapping")
                .get("properties")
                .fields()
                .forEachRemaining(
                        p -> {
                            JsonNode v = p.getValue();
                            String type = v.isTextual() ? v.asText() : v.get("type").asText();
                            Map<String, String> props = new LinkedHashMap<>();
                            mappingProperties(defs, type, props);
                            List<String> types = new ArrayList<>();
                            if (props.containsKey("types")) {
                                PermissionScopesTable.constants(defs, props.get("types"), types);
                                // "types" is one-of(type, sequence of type): collect the sequence's
                                // items too
                                for (JsonNode alt : defs.get(props.get("types")).path("one-of")) {
                                    JsonNode seq =
                                            defs.get(alt.asText())
                                                    .path("sequence")
                                                    .path("item-type");
                                    if (!seq.isMissingNode()) {
                                        PermissionScopesTable.constants(defs, seq.asText(), types);
                                    }
                                }
                            }
                            List<String> filters = new ArrayList<>(props.keySet());
                            filters.remove("types");
                            // a sequence of mappings (schedule) has its keys on each entry
                            JsonNode item = defs.path(type).path("sequence").path("item-type");
                            if (props.isEmpty() && !item.isMissingNode()) {
                                mappingProperties(defs, item.asText(), props);
                            }
                            events.put(
                                    p.getKey(),
                                    CodeBlock.of(
                                            "new Event($L, $L, $L)",
                                            Tables.listOf(
                                                    new ArrayList<>(new LinkedHashSet<>(types))),
                                            Tables.listOf(filters),
                                            Tables.listOf(new ArrayList<>(props.keySet()))));
                        });
        TypeName strings = ParameterizedTypeName.get(List.class, String.class);
        TypeSpec event =
                TypeSpec.recordBuilder("Event")
                        .addJavadoc(
                                "One event: activity types (empty when it has none), filter keys it accepts, and every key"
                                        + " its configuration\nmay have (types included; for schedule, the keys of each entry).")
                        .addModifiers(Modifier.PUBLIC)
                        .recordConstructor(
                                MethodSpec.constructorBuilder()
                                        .addParameter(strings, "types")
                                        .addParameter(strings, "filters")
                                        .addParameter(strings, "keys")
                                        .build())
                        .build();
        TypeSpec type =
                Tables.tableClass(
                                "WebhookEvents",
                                "Webhook events that trigger workflows, with their activity types and filters.")
                        .addType(event)
                        .addField(
                                FieldSpec.builder(
                                                ParameterizedTypeName.get(
                                                        ClassNames.MAP,
                                                        ClassNames.STRING,
                                                        ClassName.get(
                                                                Tables.CORE_PACKAGE,
                                                                "WebhookEvents",
                                                                "Event")),
                                                "EVENTS",
                                                Modifier.PUBLIC,
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc(
                                                "Event name to its description, in the schema's order.")
                                        .initializer(Tables.mapOfEntries(events))
                                        .build())
                        .build();
        return JavaSources.render(
                Tables.CORE_DIRECTORY,
                Tables.CORE_PACKAGE,
                type,
                Tables.WORKFLOW_SCHEMA + " (" + Tables.SCHEMA_VERSION + ")");
    }

    private static void mappingProperties(JsonNode defs, String type, Map<String, String> out) {
        JsonNode d = defs.get(type);
        if (d == null) {
            return;
        }
        if (d.has("one-of")) {
            d.get("one-of").forEach(t -> mappingProperties(defs, t.asText(), out));
        } else if (d.has("mapping")) {
            d.get("mapping")
                    .path("properties")
                    .fields()
                    .forEachRemaining(
                            p -> {
                                JsonNode v = p.getValue();
                                out.put(
                                        p.getKey(),
                                        v.isTextual() ? v.asText() : v.path("type").asText());
                            });
        }
    }
}
