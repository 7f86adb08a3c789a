package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.DevelopmentImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files linting a directory takes: workflows wherever they are, action metadata, dependabot
 * and pre-commit files.
 */
class DiscoveryTest {
    @Test
    void generatedWorkflowsFolderIsLintedAndClean() throws IOException {
        Path root = TestFiles.repoRoot();
        Path generated = root.resolve("generated-workflows");
        List<String> files =
                Linter.expand(generated).stream()
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .toList();

        assertThat(files)
                .contains(
                        "generated-workflows/go-microservice/ci.yml",
                        "generated-workflows/java-library/release.yml",
                        "generated-workflows/polyglot-platform/dependabot.yml",
                        "generated-workflows/go-microservice/actions/pipewright-coverage-gate/action.yml");
        long systems;
        try (var dirs = Files.list(generated)) {
            systems = dirs.filter(d -> Files.isRegularFile(d.resolve("ci.yml"))).count();
        }
        assertThat(files.stream().filter(f -> f.endsWith("/ci.yml"))).hasSize((int) systems);
        List<Finding> findings = new Linter(LintConfig.empty()).lintPaths(List.of(generated), root);
        // The vendored copies of our actions name the development tag of our image until a release
        // pins its digest
        // (docs/publishing-actions.md); unpinned-images reports exactly that, as
        // GeneratedFilesAuditTest checks.
        List<Finding> devTag =
                findings.stream()
                        .filter(
                                f ->
                                        f.file().contains("/actions/pipewright-")
                                                && DevelopmentImage.isReported(
                                                        f.rule(), f.message()))
                        .toList();
        assertThat(devTag)
                .as("the development tag is reported in the vendored actions")
                .isNotEmpty();
        assertThat(findings)
                .as("findings in generated-workflows")
                .containsExactlyElementsOf(devTag);
    }

    @Test
    void dotGithubKeepsItsWorkflowsActionsAndDependabotOnly() throws IOException {
        Path root = TestFiles.repoRoot();
        List<String> files =
                Linter.expand(root.resolve(".github")).stream()
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .toList();
        // dependabot.yml, the workflows and local action metadata; nothing else under .github is
        // linted
        List<String> expected;
        try (var all = Files.walk(root.resolve(".github"))) {
            expected =
                    all.filter(Files::isRegularFile)
                            .map(p -> root.relativize(p).toString().replace('\\', '/'))
                            .filter(
                                    f ->
                                            f.equals(".github/dependabot.yml")
                                                    || f.matches(
                                                            "\\.github/workflows/[^/]+\\.ya?ml")
                                                    || f.matches(
                                                            "\\.github/actions/.+/action\\.ya?ml"))
                            .sorted()
                            .toList();
        }
        assertThat(expected).contains(".github/workflows/ci.yml");
        assertThat(files).containsExactlyElementsOf(expected);
    }

    @Test
    void workflowsAreFoundByContentOutsideWorkflowsFolders(@TempDir Path dir) throws IOException {
        write(dir.resolve("out/ci.yml"), "on: push\njobs: {}\n");
        write(dir.resolve("out/only-jobs.yaml"), "jobs:\n  a:\n    runs-on: ubuntu-latest\n");
        write(dir.resolve("out/settings.yml"), "retries: 3\n");
        write(dir.resolve("out/broken.yml"), "on: [push\n");
        write(dir.resolve("workflows/broken.yml"), "on: [push\n");
        write(dir.resolve("tool/action.yaml"), "name: t\n");
        write(dir.resolve(".git/hooks/ci.yml"), "on: push\n");

        List<String> files =
                Linter.expand(dir).stream()
                        .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                        .toList();

        assertThat(files)
                .containsExactly(
                        "out/ci.yml",
                        "out/only-jobs.yaml",
                        "tool/action.yaml",
                        "workflows/broken.yml");
    }

    @Test
    void preCommitConfigsAreFoundByNameOutsideWorkflowsFolders(@TempDir Path dir)
            throws IOException {
        String config = "repos:\n  - repo: local\n    hooks: []\n";
        write(dir.resolve(".pre-commit-config.yaml"), config);
        write(dir.resolve("sub/.pre-commit-config.yml"), config);
        write(dir.resolve(".pre-commit-hooks.yaml"), "- id: x\n");
        write(dir.resolve("pre-commit-config.yaml"), config);

        List<String> files =
                Linter.expand(dir).stream()
                        .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                        .toList();

        assertThat(files).containsExactly(".pre-commit-config.yaml", "sub/.pre-commit-config.yml");
        assertThat(Linter.kindOf(dir.resolve(".pre-commit-config.yaml")))
                .isEqualTo(Linter.Kind.PRE_COMMIT);
        assertThat(Linter.kindOf(dir.resolve(".github/workflows/.pre-commit-config.yaml")))
                .isEqualTo(Linter.Kind.WORKFLOW);
        assertThat(Linter.takes(dir.resolve(".pre-commit-config.yaml"), config)).isTrue();
        // named explicitly, a pre-commit config is linted as one: clean, though it is no workflow
        assertThat(
                        new Linter(LintConfig.empty())
                                .lintPaths(List.of(dir.resolve(".pre-commit-config.yaml")), dir))
                .isEmpty();
    }

    private static void write(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
