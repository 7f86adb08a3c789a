package dev.pipewright.action.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.SimulatedRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The lint action end to end: the image's entrypoint with {@code args: [lint]} under a simulated
 * runner.
 */
class LintActionTest {
    static final String BAD =
            """
            name: bad
            on: push
            jobs:
              build:
                runs-on: ubuntu-24.04
                needs: nope
                steps:
                  - uses: actions/checkout@v4
                  - run: echo "${{ github.event.head_commit.message }}"
                  - run: echo ${{ steps.nope.outputs.x }}
            """;

    static final String CLEAN =
            """
            name: clean
            on:
              push:
                branches:
                  - main
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-24.04
                permissions:
                  contents: read
                timeout-minutes: 5
                steps:
                  - run: echo hello
            """;

    @Test
    void aBadWorkflowFailsWithSarifAnnotationsAndASummary() throws Exception {
        try (SimulatedRunner runner = new SimulatedRunner()) {
            runner.write(".github/workflows/bad.yml", BAD);
            SimulatedRunner.Step step = runner.entrypoint("lint");
            assertThat(step.exit()).as(step.stdout() + step.stderr()).isEqualTo(1);
            JsonNode sarif =
                    new ObjectMapper()
                            .readTree(
                                    Files.readString(
                                            runner.workspace().resolve("pipewright-lint.sarif")));
            assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
            JsonNode results = sarif.path("runs").path(0).path("results");
            assertThat(results.size()).isPositive();
            assertThat(step.outputs())
                    .containsEntry("sarif-file", "pipewright-lint.sarif")
                    .containsEntry("finding-count", String.valueOf(results.size()));
            assertThat(step.stdout())
                    .containsPattern(
                            "(?m)^::error file=\\.github/workflows/bad\\.yml,line=\\d+,col=\\d+,title=[a-z-]+::.+ \\[[a-z-]+]$")
                    .containsPattern(
                            "(?m)^::warning file=\\.github/workflows/bad\\.yml,line=8,col=15,title=unpinned-uses::")
                    .contains("::error::lint: ");
            assertThat(step.summary())
                    .contains("pipewright lint: " + results.size() + " finding")
                    .contains("| file | line | column | severity | rule | message |")
                    .contains("| `.github/workflows/bad.yml` | ")
                    .contains("SARIF: `pipewright-lint.sarif`");
        }
    }

    @Test
    void aCleanRepositoryPassesWithAnEmptySarifRun() throws Exception {
        try (SimulatedRunner runner = new SimulatedRunner()) {
            runner.write(".github/workflows/clean.yml", CLEAN);
            runner.input("sarif-file", "reports/lint.sarif");
            SimulatedRunner.Step step = runner.entrypoint("lint");
            assertThat(step.exit()).as(step.stdout() + step.stderr()).isZero();
            JsonNode sarif =
                    new ObjectMapper()
                            .readTree(
                                    Files.readString(
                                            runner.workspace().resolve("reports/lint.sarif")));
            assertThat(sarif.path("runs").path(0).path("results").size()).isZero();
            assertThat(step.outputs())
                    .containsEntry("finding-count", "0")
                    .containsEntry("sarif-file", "reports/lint.sarif");
            assertThat(step.stdout()).doesNotContain("::error");
            assertThat(step.summary()).contains("no findings");
        }
    }

    @Test
    void findingsBelowTheFailLevelAreReportedButPass() throws Exception {
        try (SimulatedRunner runner = new SimulatedRunner()) {
            runner.write(".github/workflows/bad.yml", BAD);
            runner.input("fail-level", "none");
            SimulatedRunner.Step step = runner.entrypoint("lint");
            assertThat(step.exit()).isZero();
            assertThat(step.stdout()).contains("::error file=.github/workflows/bad.yml");
            assertThat(Integer.parseInt(step.outputs().get("finding-count"))).isPositive();
            assertThat(step.summary()).contains(", 0 at or above none");
        }
    }

    @Test
    void badInputsExitTwoNamingTheInput() {
        try (SimulatedRunner runner = new SimulatedRunner()) {
            runner.write(".github/workflows/clean.yml", CLEAN);
            runner.input("fail-level", "fatal");
            SimulatedRunner.Step step = runner.entrypoint("lint");
            assertThat(step.exit()).isEqualTo(2);
            assertThat(step.stdout())
                    .contains("fail-level")
                    .contains("expected error, warning, note or none");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (SimulatedRunner runner = new SimulatedRunner()) {
            runner.input("paths", "missing");
            SimulatedRunner.Step step = runner.entrypoint("lint");
            assertThat(step.exit()).isEqualTo(2);
            assertThat(step.stdout())
                    .contains("paths")
                    .contains("'missing': no such file or directory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
