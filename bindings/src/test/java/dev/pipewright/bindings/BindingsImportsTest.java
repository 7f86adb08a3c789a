package dev.pipewright.bindings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bindings use nothing but the model's expressions and the JDK (docs/STYLE.md: {@code bindings
 * → model, model.expr}), so the artifact stays a thin layer that any pipeline can take without more
 * of the generator.
 */
class BindingsImportsTest {
    private static final Path SOURCES =
            Path.of(System.getProperty("pipewright.root", ".."))
                    .resolve("bindings/src/main/java/dev/pipewright/bindings");

    @Test
    void bindingsImportOnlyTheModelAndTheJdk() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(SOURCES)) {
            imports =
                    files.filter(f -> f.toString().endsWith(".java"))
                            .sorted()
                            .flatMap(
                                    f -> {
                                        try {
                                            return Files.readAllLines(f, StandardCharsets.UTF_8)
                                                    .stream()
                                                    .filter(l -> l.startsWith("import "))
                                                    .map(l -> f.getFileName() + ": " + l);
                                        } catch (IOException e) {
                                            throw new UncheckedIOException(e);
                                        }
                                    })
                            .toList();
        }
        assertThat(imports).isNotEmpty();
        assertThat(imports)
                .allMatch(
                        l ->
                                l.matches(
                                        ".*: import (dev\\.pipewright\\.model(\\.expr)?|java\\.util)\\.[A-Za-z.]+;"),
                        "imports only dev.pipewright.model, model.expr and java.util");
    }
}
