package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.NormalJob;
import dev.pipewright.model.RunStep;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.Pipeline;
import dev.pipewright.pipeline.PipelineCatalog;
import dev.pipewright.pipeline.PipelineRenderer;
import dev.pipewright.spec.SpecLoader;
import dev.pipewright.spec.SpecSchema;
import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each reference system's {@code pipewright.yml} renders byte for byte what its Java version
 * renders, except for the header line that names the source (which differs by design); any other
 * difference, in the header or the body, fails.
 */
class SpecParityTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "go-vault-plugin",
                "python-service",
                "go-microservice",
                "k8s-controller",
                "polyglot-platform"
            })
    void specAndJavaWriteTheSameFiles(String id) throws IOException {
        Path root = SharedData.repoRoot().orElseThrow();
        String specPath = "examples/" + id + "/pipewright.yml";
        Pipeline spec = SpecLoader.load(root.resolve(specPath), specPath);
        Pipeline java =
                PipelineCatalog.pipelines(getClass().getClassLoader()).stream()
                        .filter(p -> p.id().equals(id))
                        .findFirst()
                        .orElseThrow();
        List<GeneratedFile> a = PipelineRenderer.render(java);
        List<GeneratedFile> b = PipelineRenderer.render(spec);
        assertThat(b)
                .extracting(GeneratedFile::path)
                .isEqualTo(a.stream().map(GeneratedFile::path).toList());
        assertThat(java.source())
                .matches("examples/" + java.id() + "/[A-Z][A-Za-z0-9]*Pipeline\\.java");
        for (int i = 0; i < a.size(); i++) {
            List<String> javaLines = a.get(i).content().lines().toList();
            List<String> specLines = b.get(i).content().lines().toList();
            String path = a.get(i).path();
            assertThat(javaLines.get(0)).as(path).isEqualTo(sourceLine(java.source()));
            assertThat(specLines.get(0)).as(path).isEqualTo(sourceLine(specPath));
            assertThat(specLines.get(1))
                    .as(path)
                    .isEqualTo("# Regenerate with: pipewright generate --spec " + specPath);
            // Everything else is identical: the header's source and command lines are the only
            // differences.
            assertThat(differingLines(javaLines, specLines)).as(path).containsExactly(0, 1);
            assertThat(b.get(i).content())
                    .as(path)
                    .isEqualTo(
                            a.get(i)
                                    .content()
                                    .replace(sourceLine(java.source()), sourceLine(specPath))
                                    .replace(
                                            "# Regenerate with: " + java.regenerateCommand() + "\n",
                                            "# Regenerate with: pipewright generate --spec "
                                                    + specPath
                                                    + "\n"));
        }
    }

    @Test
    void committedSchemaIsGeneratedFromTheStacks() throws IOException {
        Path root = SharedData.repoRoot().orElseThrow();
        Path file = root.resolve(SpecSchema.PATH);
        if (Boolean.getBoolean("golden.update") && !"true".equals(System.getenv("CI"))) {
            Files.writeString(file, SpecSchema.json(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(SpecSchema.json());
    }

    @Test
    void schemaErrorsNameFileLineAndColumn() {
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        "stack: go-microservice\nparameters:\n  coverage: lots\n"
                                                + "  image: \"ghcr.io/${{ vars.GHCR_OWNER }}/service\"\n  staging-url: \"${{ vars.STAGING_URL }}/healthz\"\n  production-url: \"${{ vars.PRODUCTION_URL }}/healthz\"\n",
                                        "p.yml"))
                .isInstanceOf(SpecLoader.SpecException.class)
                .hasMessageStartingWith("p.yml:3:13: ")
                .hasMessageContaining("coverage");
        assertThatThrownBy(() -> SpecLoader.parse("stack: nope\n", "p.yml"))
                .hasMessageStartingWith("p.yml:1:8: ");
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        "stack: k8s-controller\noverrides:\n  - workflow: ci.yml\n    job: nope\n"
                                                + "parameters:\n  image: \"ghcr.io/${{ vars.GHCR_OWNER }}/timewindow-controller\"\n",
                                        "p.yml"))
                .hasMessageContaining("has no job 'nope'");
    }

    @Test
    void overridesGoByJobAndStepId() {
        Pipeline p =
                SpecLoader.parse(
                        "stack: go-microservice\noverrides:\n"
                                + "  - {workflow: ci.yml, job: test, timeout-minutes: 25}\n"
                                + "  - {workflow: ci.yml, job: test, step: test, run: go test ./...}\n"
                                + "parameters:\n  image: \"ghcr.io/${{ vars.GHCR_OWNER }}/service\"\n  staging-url: \"${{ vars.STAGING_URL }}/healthz\"\n  production-url: \"${{ vars.PRODUCTION_URL }}/healthz\"\n",
                        "p.yml");
        var job = (NormalJob) p.workflows().get(0).job("test");
        assertThat(job.timeoutMinutes()).isEqualTo(25);
        assertThat(
                        job.steps().stream()
                                .filter(s -> "test".equals(s.id()))
                                .findFirst()
                                .orElseThrow())
                .extracting(s -> ((RunStep) s).run())
                .isEqualTo("go test ./...");
    }

    private static String sourceLine(String source) {
        return "# Generated by Pipewright from " + source + ". Do not edit.";
    }

    /** Indexes of the lines that differ, a missing line counting as different. */
    private static List<Integer> differingLines(List<String> x, List<String> y) {
        return IntStream.range(0, Math.max(x.size(), y.size()))
                .filter(i -> i >= x.size() || i >= y.size() || !x.get(i).equals(y.get(i)))
                .boxed()
                .toList();
    }
}
