package dev.pipewright.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * What the data tables share: where they go, their sources in the repository, reading those sources
 * and the shapes of a table class (a final class with a private constructor, {@code List.of}/{@code
 * Set.of}/{@code Map.ofEntries} literals one entry per line).
 */
final class Tables {
    /** GitHub's rules that the generator uses too (contexts, scopes, events): the github module. */
    static final String CORE_DIRECTORY = "github/src/main/java";

    static final String CORE_PACKAGE = "dev.pipewright.github";

    /** The linter's own tables. */
    static final String LINTER_DIRECTORY = "linter/src/main/java";

    static final String LINTER_PACKAGE = "dev.pipewright.lint.data";

    /** The linter's hand-kept data files. */
    static final String LINTER_DATA = "linter/src/main/data";

    /**
     * GitHub's schemas are kept once, at the repository top, for the generator and the linter
     * alike.
     */
    static final String WORKFLOW_SCHEMA = "schemas/github/workflow-v1.0.json";

    static final String ACTION_SCHEMA = "schemas/github/action-v1.0.json";

    /** Where both schemas were copied from, recorded in schemas/github/SOURCE.md. */
    static final String SCHEMA_VERSION = "@actions/workflow-parser 0.3.61, copied 2026-11-22";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tables() {}

    /** A JSON file of the repository; a syntax error names the file, line and column. */
    static JsonNode json(Path root, String relative) {
        try {
            return JSON.readTree(root.resolve(relative).toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    relative
                            + ":"
                            + e.getLocation().getLineNr()
                            + ":"
                            + e.getLocation().getColumnNr()
                            + ": "
                            + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + ": " + e.getMessage(), e);
        }
    }

    /** A public final table class with a private constructor. */
    static TypeSpec.Builder tableClass(String name, String javadoc) {
        return TypeSpec.classBuilder(name)
                .addJavadoc("$L", javadoc)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    }

    /** {@code List.of("a", "b")} on one line. */
    static CodeBlock listOf(List<String> values) {
        return CodeBlock.of("$T.of($L)", List.class, strings(values));
    }

    /** {@code Set.of("a", "b")} on one line. */
    static CodeBlock setOf(List<String> values) {
        return CodeBlock.of("$T.of($L)", Set.class, strings(values));
    }

    /**
     * {@code Map.ofEntries(} one {@code Map.entry(key, value)} a line {@code )}, in the given
     * order.
     */
    static CodeBlock mapOfEntries(Map<String, CodeBlock> entries) {
        List<CodeBlock> rows = new ArrayList<>();
        entries.forEach((k, v) -> rows.add(CodeBlock.of("$T.entry($S, $L)", Map.class, k, v)));
        return CodeBlock.of("$T.ofEntries(\n$>$>$L$<$<)", Map.class, CodeBlock.join(rows, ",\n"));
    }

    /** The string literals of {@code values}, comma separated. */
    static CodeBlock strings(List<String> values) {
        List<CodeBlock> items = new ArrayList<>();
        values.forEach(v -> items.add(CodeBlock.of("$S", v)));
        return CodeBlock.join(items, ", ");
    }

    /** The texts of a JSON array, or none for a missing node. */
    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
