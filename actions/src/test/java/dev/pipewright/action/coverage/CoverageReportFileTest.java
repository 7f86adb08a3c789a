package dev.pipewright.action.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Where the JSON report goes: a report-file that cannot be a file is bad input, and nothing is
 * written.
 */
class CoverageReportFileTest {
    private static final CoverageGateAction ACTION = new CoverageGateAction();

    @Test
    void reportFileThatIsADirectoryIsBadInput() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(
                    TestData.resource("coverage-samples/go/cover.coverpkg.count.out"),
                    "coverage.out");
            Files.createDirectories(r.workspace().resolve("d"));
            SimulatedRunner.Step s =
                    r.input("files", "coverage.out").input("report-file", "d").run(ACTION);
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains("::error::coverage-gate: input 'report-file': d is a directory");
            assertThat(s.stderr()).doesNotContain("Exception");
        }
    }

    @Test
    void reportFileUnderARegularFileIsBadInput() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(
                    TestData.resource("coverage-samples/go/cover.coverpkg.count.out"),
                    "coverage.out");
            r.write("f", "x");
            SimulatedRunner.Step s =
                    r.input("files", "coverage.out").input("report-file", "f/r.json").run(ACTION);
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains(
                            "input 'report-file': cannot write f/r.json: f is a file, not a directory");
            assertThat(r.workspace().resolve("f")).hasContent("x");
        }
    }
}
