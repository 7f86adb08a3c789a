package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the shipped {@code pipewright.jar} holds: the CLI and the API pipelines are written against,
 * but none of this repository's own pipelines (the bundled examples, its workflows, its actions'
 * metadata), which change with the repository and not with the tool.
 */
class ShadedJarContentsIT {
    @TempDir Path work;
    private Path jar;

    @BeforeEach
    void built() {
        String built = System.getProperty("pipewright.jar");
        Assumptions.assumeTrue(
                built != null && Files.isRegularFile(Path.of(built)),
                "skipped: no shaded jar (runs after package, from failsafe)");
        jar = Path.of(built);
    }

    @Test
    void positiveTheJarHoldsTheCliAndThePipelineApi() throws IOException {
        List<String> names = entries();
        assertThat(names)
                .contains(
                        "dev/pipewright/cli/Main.class",
                        "dev/pipewright/pipeline/Pipeline.class",
                        "dev/pipewright/pipeline/FileSource.class",
                        "dev/pipewright/stacks/Stack.class",
                        "dev/pipewright/action/Actions.class");
    }

    @Test
    void negativeNoExampleNorOwnPipelineClassIsInTheJar() throws IOException {
        List<String> names = entries();
        assertThat(names).noneMatch(n -> n.startsWith("dev/pipewright/examples/"));
        assertThat(names)
                .as("no service file registers a pipeline or another source of generated files")
                .doesNotContain(
                        "META-INF/services/dev.pipewright.pipeline.Pipeline",
                        "META-INF/services/dev.pipewright.pipeline.FileSource");
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (JarEntry e :
                    jf.stream()
                            .filter(e -> e.getName().startsWith("META-INF/services/"))
                            .toList()) {
                try (InputStream in = jf.getInputStream(e)) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .as(e.getName())
                            .doesNotContain("dev.pipewright.examples.");
                }
            }
        }
    }

    /**
     * Run without the launcher's examples path, the jar finds no bundled pipeline to generate: they
     * are not in it.
     */
    @Test
    void negativeTheJarAloneHasNoBundledExamplesToGenerate() throws Exception {
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                jar.toString(),
                                "generate",
                                "--examples",
                                "--root",
                                work.toString())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.USAGE);
        assertThat(output).contains("the bundled examples are not part of this CLI");
        try (var written = Files.list(work)) {
            assertThat(written).as("nothing written").isEmpty();
        }
    }

    private List<String> entries() throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            return jf.stream().map(JarEntry::getName).toList();
        }
    }
}
