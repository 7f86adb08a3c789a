package dev.pipewright.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as drift, and the one line that names the file and the command. */
class DriftCheckTest {
    private static final String HEADER = "// " + JavaSources.MARK + " from x; do not edit.\n";

    @Test
    void missingChangedAndOrphanedFilesAreDrift(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("m/src/p"));
        Files.writeString(dir.resolve("Same.java"), HEADER + "same", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("Changed.java"), HEADER + "old", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("Orphan.java"), HEADER + "gone", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("Handwritten.java"), "package p;", StandardCharsets.UTF_8);
        List<DriftCheck.Drift> drift =
                DriftCheck.compare(
                        root,
                        List.of(
                                new GeneratedSource("m/src/p/Same.java", HEADER + "same"),
                                new GeneratedSource("m/src/p/Changed.java", HEADER + "new"),
                                new GeneratedSource("m/src/p/Missing.java", HEADER + "missing")));
        assertThat(drift)
                .extracting(DriftCheck.Drift::message)
                .containsExactly(
                        "m/src/p/Changed.java differs from what its source generates; regenerate with: "
                                + JavaSources.REGENERATE,
                        "m/src/p/Missing.java is missing; regenerate with: "
                                + JavaSources.REGENERATE,
                        "m/src/p/Orphan.java is generated but no source produces it any more; regenerate with: "
                                + JavaSources.REGENERATE);
    }

    @Test
    void checkExitsOneAndNamesTheStaleFile(@TempDir Path root) throws IOException {
        Path repo =
                Path.of(System.getProperty("pipewright.root", "..")).toAbsolutePath().normalize();
        for (String dir : List.of("catalog", "schemas", "linter/src/main/data")) {
            copy(repo.resolve(dir), root.resolve(dir));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit =
                Codegen.run(
                        new String[] {"--check", root.toString()},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err);
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "github/src/main/java/dev/pipewright/github/WebhookEvents.java is missing; regenerate with: ");
        assertThat(
                        Codegen.run(
                                new String[] {root.toString()},
                                new PrintStream(new ByteArrayOutputStream()),
                                System.err))
                .isZero();
        assertThat(
                        Codegen.run(
                                new String[] {"--check", root.toString()},
                                new PrintStream(new ByteArrayOutputStream()),
                                System.err))
                .isZero();
    }

    @Test
    void badUsageExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(
                        Codegen.run(
                                new String[] {"--bogus"},
                                System.out,
                                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("codegen: usage: Codegen [--check] [ROOT]");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
