package dev.pipewright.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@code OutdatedActions}: releases of popular actions on a runtime GitHub's runners no longer
 * provide, from the hand-kept {@code linter/src/main/data/outdated-action-runtimes.txt} ({@code
 * owner/repo[/path]@ref runtime newest} a line, {@code #} comments).
 */
final class OutdatedActionsTable {
    static final String SOURCE = Tables.LINTER_DATA + "/outdated-action-runtimes.txt";

    /** The runtimes a line may name: the retired Node.js versions and the v1 runner plugins. */
    private static final Set<String> RUNTIMES = Set.of("node12", "node16", "plugin");

    private OutdatedActionsTable() {}

    static GeneratedSource generate(Path root) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(SOURCE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SOURCE + ": " + e.getMessage(), e);
        }
        Map<String, CodeBlock> releases = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            int at = f[0].indexOf('@');
            if (f.length != 3 || at < 1 || at == f[0].length() - 1 || !RUNTIMES.contains(f[1])) {
                throw new IllegalArgumentException(
                        SOURCE
                                + ":"
                                + (i + 1)
                                + ":1: expected 'owner/repo[/path]@ref node12|node16|plugin"
                                + " newest|-', got '"
                                + line
                                + "'");
            }
            String key = f[0].substring(0, at).toLowerCase(Locale.ROOT) + f[0].substring(at);
            if (releases.put(
                            key,
                            CodeBlock.of("new Release($S, $S)", f[1], f[2].equals("-") ? "" : f[2]))
                    != null) {
                throw new IllegalArgumentException(
                        SOURCE + ":" + (i + 1) + ":1: " + f[0] + " is listed twice");
            }
        }
        TypeSpec release =
                TypeSpec.recordBuilder("Release")
                        .addJavadoc(
                                "An outdated release: its runtime ({@code node12}, {@code node16},"
                                        + " or {@code plugin} for a runner plugin)\nand the newest"
                                        + " release of the action on a current runtime, empty when"
                                        + " none is known.")
                        .addModifiers(Modifier.PUBLIC)
                        .recordConstructor(
                                MethodSpec.constructorBuilder()
                                        .addParameter(String.class, "runtime")
                                        .addParameter(String.class, "newest")
                                        .build())
                        .build();
        var type =
                Tables.tableClass(
                                "OutdatedActions",
                                "Releases of popular actions whose runtime GitHub's runners no"
                                        + " longer provide.")
                        .addType(release)
                        .addField(
                                FieldSpec.builder(
                                                ParameterizedTypeName.get(
                                                        ClassNames.MAP,
                                                        ClassNames.STRING,
                                                        ClassName.get(
                                                                Tables.LINTER_PACKAGE,
                                                                "OutdatedActions",
                                                                "Release")),
                                                "RELEASES",
                                                Modifier.PUBLIC,
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc(
                                                "{@code owner/repo[/path]@ref} (owner, repository"
                                                        + " and path in lower case) to the release.")
                                        .initializer(Tables.mapOfEntries(releases))
                                        .build())
                        .build();
        return JavaSources.render(Tables.LINTER_DIRECTORY, Tables.LINTER_PACKAGE, type, SOURCE);
    }
}
