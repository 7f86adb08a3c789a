package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ./path} in {@code uses:} resolves in the repository the workflow runs from. A folder of
 * workflows kept inside some other checkout (a corpus of real workflows, a vendored copy) must not
 * be checked against that checkout: it reported "local action does not exist" on 186 of 1,034 real
 * workflows linted from such a folder.
 */
class LocalPathScopeTest {
    private static final String WORKFLOW =
            """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./.github/actions/setup
                  - uses: ./tools/lint-action
              call:
                uses: ./.github/workflows/reusable.yml
            """;

    @TempDir Path repo;

    @Test
    void workflowsOutsideDotGithubDoNotResolveAgainstTheEnclosingCheckout() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Path file = write("corpus/some-project/ci.yml");

        assertThat(localFindings(file)).isEmpty();
    }

    @Test
    void actionMetadataCopiedUnderAnotherNameDoesNotResolveAgainstTheEnclosingCheckout()
            throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Path copy = repo.resolve("corpus/actions/owner__repo__action.yml");
        Path real = repo.resolve("tools/check/action.yml");
        String composite =
                "name: c\ndescription: d\nruns:\n  using: composite\n  steps:\n    - uses: ./.github/actions/missing\n";
        for (Path p : List.of(copy, real)) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, composite);
        }

        assertThat(localFindings(copy)).isEmpty();
        assertThat(localFindings(real)).hasSize(1);
    }

    @Test
    void workflowsUnderDotGithubStillReportMissingLocalFiles() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Path file = write(".github/workflows/ci.yml");

        assertThat(localFindings(file))
                .hasSize(3)
                .allSatisfy(f -> assertThat(f.line()).isIn(6, 7, 9));
    }

    @Test
    void workflowsUnderDotGithubFindLocalFilesThatExist() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve(".github/actions/setup"));
        Files.writeString(
                repo.resolve(".github/actions/setup/action.yml"),
                "name: setup\ndescription: d\nruns:\n  using: composite\n  steps: []\n");
        Files.createDirectories(repo.resolve("tools/lint-action"));
        Files.writeString(
                repo.resolve("tools/lint-action/action.yml"),
                "name: l\ndescription: d\nruns:\n  using: composite\n  steps: []\n");
        Path file = write(".github/workflows/ci.yml");
        Files.writeString(
                repo.resolve(".github/workflows/reusable.yml"),
                "on: workflow_call\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n");

        assertThat(localFindings(file)).isEmpty();
    }

    @Test
    void aWorkflowBesideTheDotGithubFolderResolvesInThatProject() throws IOException {
        // a project's example workflows at its root (actionlint's testdata/examples is one): no
        // .git, a .github folder beside the file
        Files.createDirectories(repo.resolve(".github/actions/setup"));
        Path file = write("example.yml");

        assertThat(localFindings(file))
                .extracting(Finding::line)
                .as(
                        "./.github/actions/setup has no action.yml; ./tools and the workflow are missing")
                .containsExactly(6, 7, 9);
    }

    @Test
    void aFolderOfWorkflowsBelowAProjectWithDotGithubStillDoesNotResolveThere() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve(".github/workflows"));
        Path file = write("corpus/ci.yml");

        assertThat(localFindings(file)).isEmpty();
    }

    private Path write(String rel) throws IOException {
        Path file = repo.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, WORKFLOW);
        return file;
    }

    private List<Finding> localFindings(Path file) throws IOException {
        return new Linter(LintConfig.empty())
                .lintFile(file, file.getFileName().toString()).stream()
                        .filter(f -> f.message().contains("does not exist"))
                        .toList();
    }
}
