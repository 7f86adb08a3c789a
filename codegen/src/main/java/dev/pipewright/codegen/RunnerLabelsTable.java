package dev.pipewright.codegen;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@code RunnerLabels}: GitHub-hosted runner labels, current and retired, from the hand-kept {@code
 * linter/src/main/data/runner-labels.txt} ({@code label os status} a line, {@code #} comments, the
 * retrieval date in a {@code # retrieved:} line).
 */
final class RunnerLabelsTable {
    static final String SOURCE = Tables.LINTER_DATA + "/runner-labels.txt";

    private RunnerLabelsTable() {}

    static GeneratedSource generate(Path root) {
        List<String> current = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        String date = "";
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(SOURCE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SOURCE + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("# retrieved:")) {
                date = line.substring("# retrieved:".length()).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 3 || !(f[2].equals("current") || f[2].equals("retired"))) {
                throw new IllegalArgumentException(
                        SOURCE
                                + ":"
                                + (i + 1)
                                + ":1: expected 'label os current|retired',"
                                + " got '"
                                + line
                                + "'");
            }
            (f[2].equals("retired") ? retired : current).add(f[0]);
        }
        var labels = ParameterizedTypeName.get(Set.class, String.class);
        var type =
                Tables.tableClass(
                                "RunnerLabels", "GitHub-hosted runner labels, current and retired.")
                        .addField(
                                FieldSpec.builder(
                                                labels,
                                                "CURRENT",
                                                Modifier.PUBLIC,
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc(
                                                "Labels of GitHub-hosted runners that run jobs today.")
                                        .initializer(Tables.setOf(current))
                                        .build())
                        .addField(
                                FieldSpec.builder(
                                                labels,
                                                "RETIRED",
                                                Modifier.PUBLIC,
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc(
                                                "Labels GitHub no longer serves: jobs wait for a runner until they time out.")
                                        .initializer(Tables.setOf(retired))
                                        .build())
                        .build();
        return JavaSources.render(
                Tables.LINTER_DIRECTORY,
                Tables.LINTER_PACKAGE,
                type,
                SOURCE + " (retrieved " + date + ")");
    }
}
