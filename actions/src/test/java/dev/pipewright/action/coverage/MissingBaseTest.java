package dev.pipewright.action.coverage;

import static dev.pipewright.action.TestData.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * base-file that does not exist yet (first run on the default branch, expired artifact) skips the
 * delta with a note; one that exists but cannot be read stays bad input.
 */
class MissingBaseTest {
    private static final CoverageGateAction ACTION = new CoverageGateAction();

    @Test
    void noBaseYetSkipsTheDeltaAndPasses() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("python/coverage.xml"), "coverage/py-coverage.xml");
            Files.createDirectories(r.workspace().resolve("base"));
            SimulatedRunner.Step step =
                    r.input("files", "coverage/*.xml")
                            .input("format", "cobertura")
                            .input("base-file", "base/coverage-gate.json")
                            .input("max-drop", "2")
                            .input("report-file", "coverage-gate.json")
                            .run(ACTION);
            assertThat(step.exit()).isZero();
            assertThat(step.outputs())
                    .containsEntry("passed", "true")
                    .containsEntry("delta", "")
                    .containsEntry("coverage", "70.59");
            assertThat(step.stdout())
                    .contains(
                            "coverage-gate: no base yet: delta skipped (base-file base/coverage-gate.json does not exist)")
                    .doesNotContain("::error");
            assertThat(step.summary())
                    .contains(
                            "| change vs base | no base yet: delta skipped (`base/coverage-gate.json` does not exist) |")
                    .contains("| max-drop | no base yet | 2 | pass |");
            JsonNode report =
                    new ObjectMapper()
                            .readTree(r.workspace().resolve("coverage-gate.json").toFile());
            assertThat(report.get("base_missing").asText()).isEqualTo("base/coverage-gate.json");
            assertThat(report.get("base_coverage").isNull()).isTrue();
            assertThat(report.at("/checks/0/message").asText())
                    .isEqualTo(
                            "no base yet: delta skipped (base/coverage-gate.json does not exist)");

            // The next run finds this run's report as its base and gates on it.
            Files.move(
                    r.workspace().resolve("coverage-gate.json"),
                    r.workspace().resolve("base/coverage-gate.json"));
            SimulatedRunner.Step next = r.run(ACTION);
            assertThat(next.exit()).isZero();
            assertThat(next.outputs()).containsEntry("delta", "0.00");
            // The summary file keeps the first run's part; look at what this run appended.
            assertThat(next.summary().substring(step.summary().length()))
                    .contains("| change vs base | 0.00 points (base 70.59%) |")
                    .doesNotContain("no base yet");
        }
    }

    @Test
    void otherGatesStillApplyWithoutABase() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("python/coverage.xml"), "coverage.xml");
            SimulatedRunner.Step step =
                    r.input("files", "coverage.xml")
                            .input("base-file", "base/coverage-gate.json")
                            .input("max-drop", "2")
                            .input("min", "80")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(step.stdout())
                    .contains(
                            "::error::coverage-gate: coverage 70.59%25 is below the minimum 80%25")
                    .contains("no base yet: delta skipped");
        }
    }

    @Test
    void aBaseThatExistsButCannotBeReadIsStillBadInput() throws Exception {
        String[][] cases = {
            {
                "base/coverage-gate.json",
                "{\"tool\": \"pipewright coverage-gate\", \"coverage\": ",
                "base/coverage-gate.json:1:"
            },
            {"base/coverage-gate.json", "", "base/coverage-gate.json:1: empty file"},
            {"base/coverage.xml", "<coverage><packages>", "base/coverage.xml:1: malformed XML"},
        };
        for (String[] c : cases) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                r.copy(sample("python/coverage.xml"), "coverage.xml");
                r.write(c[0], c[1]);
                SimulatedRunner.Step step =
                        r.input("files", "coverage.xml")
                                .input("base-file", c[0])
                                .input("max-drop", "2")
                                .input("report-file", "report.json")
                                .run(ACTION);
                assertThat(step.exit()).as(c[0] + " " + c[1]).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(step.stdout())
                        .as(c[1])
                        .contains("::error::coverage-gate: " + c[2])
                        .doesNotContain("no base yet");
                assertThat(r.workspace().resolve("report.json")).doesNotExist();
            }
        }
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("python/coverage.xml"), "coverage.xml");
            Files.createDirectories(r.workspace().resolve("base"));
            SimulatedRunner.Step step =
                    r.input("files", "coverage.xml")
                            .input("base-file", "base")
                            .input("max-drop", "2")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains("base is a directory, not a file (input 'base-file')");
        }
    }
}
