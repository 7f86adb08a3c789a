package dev.pipewright.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * {@code ContextAvailability}: the contexts (and functions, as {@code name(min,max)}) an expression
 * may use, per definition of the workflow schema that lists them; the one table of availability for
 * the generator's validation and the linter's schema.
 */
final class ContextAvailabilityTable {
    private ContextAvailabilityTable() {}

    static GeneratedSource generate(Path root) {
        JsonNode schema = Tables.json(root, Tables.WORKFLOW_SCHEMA);
        Map<String, CodeBlock> byDefinition = new LinkedHashMap<>();
        Set<String> names = new TreeSet<>();
        schema.get("definitions")
                .fields()
                .forEachRemaining(
                        e -> {
                            List<String> ctx = Tables.texts(e.getValue().get("context"));
                            if (!ctx.isEmpty()) {
                                byDefinition.put(e.getKey(), Tables.listOf(ctx));
                                ctx.stream().filter(c -> !c.contains("(")).forEach(names::add);
                            }
                        });
        var stringSet = ParameterizedTypeName.get(Set.class, String.class);
        var type =
                Tables.tableClass(
                                "ContextAvailability",
                                "Which contexts and functions GitHub allows in expressions at each key of a workflow.")
                        .addField(
                                FieldSpec.builder(
                                                ParameterizedTypeName.get(
                                                        ClassNames.MAP,
                                                        ClassNames.STRING,
                                                        ParameterizedTypeName.get(
                                                                List.class, String.class)),
                                                "BY_DEFINITION",
                                                Modifier.PUBLIC,
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc(
                                                "Schema definition name to what its expressions may use, in the schema's order:"
                                                        + " context names, and functions\nas {@code name(min,max)}. A definition that is not"
                                                        + " here adds none: its values use what the enclosing one allows.")
                                        .initializer(Tables.mapOfEntries(byDefinition))
                                        .build())
                        .addField(
                                FieldSpec.builder(
                                                stringSet,
                                                "CONTEXTS",
                                                Modifier.PUBLIC,
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc(
                                                "Every context a workflow expression can use at some key, sorted.")
                                        .initializer(Tables.setOf(new ArrayList<>(names)))
                                        .build())
                        .addMethod(
                                MethodSpec.methodBuilder("contexts")
                                        .addJavadoc(
                                                "The context names (not functions) listed at {@code definition}, a key of"
                                                        + " {@link #BY_DEFINITION}.")
                                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                                        .returns(stringSet)
                                        .addParameter(String.class, "definition")
                                        .addStatement(
                                                "$T<$T> all = BY_DEFINITION.get(definition)",
                                                List.class,
                                                String.class)
                                        .beginControlFlow("if (all == null)")
                                        .addStatement(
                                                "throw new $T($S + definition)",
                                                IllegalArgumentException.class,
                                                "no workflow schema definition with contexts named ")
                                        .endControlFlow()
                                        .addStatement(
                                                "return $T.copyOf(all.stream().filter(c -> c.indexOf('(') < 0).toList())",
                                                Set.class)
                                        .build())
                        .build();
        return JavaSources.render(
                Tables.CORE_DIRECTORY,
                Tables.CORE_PACKAGE,
                type,
                Tables.WORKFLOW_SCHEMA + " (" + Tables.SCHEMA_VERSION + ")");
    }
}
