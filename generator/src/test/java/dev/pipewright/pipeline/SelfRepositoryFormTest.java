package dev.pipewright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.stacks.actions.PipewrightSbom;
import dev.pipewright.testing.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why generated workflows call local actions as {@code ./path} although zizmor's self-repository
 * audit (and ours, for the pedantic persona) asks for {@code $/path}: GitHub's parser takes both,
 * actionlint rejects {@code $/} as an action without a ref, and a generated workflow must pass both
 * (the oracle tests of the examples). No third form has {@code $/}'s meaning: {@code uses:} takes
 * no expression, and {@code owner/repo/path@sha} would have to name the SHA of the commit that
 * holds the file itself. When this test fails because actionlint accepts {@code $/}, switch the
 * generator to it and drop {@code OwnLocalActions}' set-aside.
 */
class SelfRepositoryFormTest {
    private static final String WORKFLOW =
            """
      name: Build
      on: push
      permissions: {}
      jobs:
        build:
          name: Build
          runs-on: ubuntu-24.04
          timeout-minutes: 5
          steps:
            - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
              with:
                persist-credentials: false
            - uses: %s/.github/actions/pipewright-sbom
      """;

    @Test
    void githubTakesBothFormsButActionlintOnlyTheWorkspaceOne(@TempDir Path dir)
            throws IOException {
        Path dot = write(dir, "dot.yml", ".");
        Path dollar = write(dir, "dollar.yml", "$");

        assertThat(Oracles.workflowParser(dot, dollar)).as("GitHub's parser").isEmpty();
        assertThat(Oracles.actionlint177(dot)).as("actionlint on ./").isEmpty();
        assertThat(Oracles.actionlint177(dollar))
                .as("actionlint on $/")
                .anySatisfy(
                        f ->
                                assertThat(f.message())
                                        .contains("\"$/.github/actions/pipewright-sbom\"")
                                        .contains("ref is missing"));
    }

    private static Path write(Path dir, String name, String prefix) throws IOException {
        Path f = dir.resolve(".github/workflows").resolve(name);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, WORKFLOW.formatted(prefix));
    }

    @Test
    void generatedWorkflowsUseTheWorkspaceForm() {
        // What LocalUses accepts and the bindings write: a path under the workspace (CONTRIBUTING,
        // "How workflows call
        // Pipewright's own actions").
        assertThat(PipewrightSbom.builder().build().uses().text())
                .isEqualTo("./.github/actions/pipewright-sbom");
    }
}
