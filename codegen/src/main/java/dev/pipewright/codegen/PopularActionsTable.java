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
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code PopularActions}: inputs, outputs and runtime of known actions, from {@code
 * linter/src/main/data/ popular-actions.json} (itself imported from the shared corpus and {@code
 * catalog/actions}; see the linter's {@code ActionCatalogImporter}).
 */
final class PopularActionsTable {
    static final String SOURCE = Tables.LINTER_DATA + "/popular-actions.json";

    private PopularActionsTable() {}

    static GeneratedSource generate(Path root) {
        JsonNode data = Tables.json(root, SOURCE);
        Map<String, CodeBlock> actions = new LinkedHashMap<>();
        data.get("actions")
                .fields()
                .forEachRemaining(
                        e -> {
                            JsonNode a = e.getValue();
                            List<CodeBlock> deprecated = new ArrayList<>();
                            if (a.get("deprecated") != null) {
                                a.get("deprecated")
                                        .fields()
                                        .forEachRemaining(
                                                d ->
                                                        deprecated.add(
                                                                CodeBlock.of(
                                                                        "$S, $S",
                                                                        d.getKey(),
                                                                        d.getValue().asText())));
                            }
                            List<CodeBlock> removed = new ArrayList<>();
                            if (a.get("removed") != null) {
                                a.get("removed")
                                        .fields()
                                        .forEachRemaining(
                                                r ->
                                                        removed.add(
                                                                CodeBlock.of(
                                                                        "$S, $S",
                                                                        r.getKey(),
                                                                        r.getValue().asText())));
                            }
                            actions.put(
                                    e.getKey(),
                                    CodeBlock.of(
                                            "new Meta($L, $L, $T.of($L), $L, $S, $L, $T.of($L))",
                                            Tables.listOf(Tables.texts(a.get("required"))),
                                            Tables.listOf(Tables.texts(a.get("optional"))),
                                            Map.class,
                                            CodeBlock.join(deprecated, ", "),
                                            Tables.listOf(Tables.texts(a.get("outputs"))),
                                            a.path("using").asText(),
                                            a.path("complete").asBoolean(true),
                                            Map.class,
                                            CodeBlock.join(removed, ", ")));
                        });
        TypeName strings = ParameterizedTypeName.get(List.class, String.class);
        TypeSpec meta =
                TypeSpec.recordBuilder("Meta")
                        .addJavadoc(
                                "One action's metadata: required inputs (required and without default) and optional ones,"
                                        + " deprecated\ninputs with their deprecation message, outputs, runtime ({@code using}) of the"
                                        + " snapshot commit; {@code complete}\nis false when the snapshot is older than the releases in"
                                        + " use, so it may lack inputs and outputs; {@code removed}\nmaps inputs earlier releases took to"
                                        + " the releases that took them, {@code added..removed} (from\n{@code removed-inputs.txt}).")
                        .addModifiers(Modifier.PUBLIC)
                        .recordConstructor(
                                MethodSpec.constructorBuilder()
                                        .addParameter(strings, "required")
                                        .addParameter(strings, "optional")
                                        .addParameter(
                                                ParameterizedTypeName.get(
                                                        Map.class, String.class, String.class),
                                                "deprecated")
                                        .addParameter(strings, "outputs")
                                        .addParameter(String.class, "using")
                                        .addParameter(TypeName.BOOLEAN, "complete")
                                        .addParameter(
                                                ParameterizedTypeName.get(
                                                        Map.class, String.class, String.class),
                                                "removed")
                                        .build())
                        .build();
        TypeSpec type =
                Tables.tableClass(
                                "PopularActions",
                                "Inputs and outputs of known actions, to check {@code with:} and {@code steps.*.outputs}.")
                        .addType(meta)
                        .addField(
                                FieldSpec.builder(
                                                ParameterizedTypeName.get(
                                                        ClassNames.MAP,
                                                        ClassNames.STRING,
                                                        ClassName.get(
                                                                Tables.LINTER_PACKAGE,
                                                                "PopularActions",
                                                                "Meta")),
                                                "ACTIONS",
                                                Modifier.PUBLIC,
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc(
                                                "{@code owner/repo[/path]} (lower case) to metadata.")
                                        .initializer(Tables.mapOfEntries(actions))
                                        .build())
                        .build();
        return JavaSources.render(
                Tables.LINTER_DIRECTORY,
                Tables.LINTER_PACKAGE,
                type,
                SOURCE + " (" + data.path("generated-from").asText() + ")");
    }
}
