package dev.pipewright.action.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * coverage.py 6's LCOV with {@code BRDA:0} read as lcov reads it; SonarQube's generic XML named,
 * not misread.
 */
class LcovAndSonarTest {
    private static final CoverageGateAction ACTION = new CoverageGateAction();

    @Test
    void coveragePyLcovWithBranchesOnLineZeroEqualsLcovSummary() throws IOException {
        String lcov = Files.readString(CoveragePyJsonTest.real("tomli/coverage.lcov"));
        assertThat(lcov).contains("\nBRDA:0,0,0,1\n").contains("\nBRDA:0,40,0,-\n");
        CoverageData data = CoveragePyJsonTest.read(CoveragePyJsonTest.real("tomli/coverage.lcov"));
        // What lcov 1.16 printed for this file (ExternalToolsTest runs lcov itself where it is
        // installed).
        String summary = Files.readString(CoveragePyJsonTest.real("tomli/lcov-summary.txt"));
        assertThat(data.lines()).isEqualTo(counted(summary, "lines"));
        assertThat(data.branches()).isEqualTo(counted(summary, "branches"));
        assertThat(data.branches()).isEqualTo(new Counter(56, 213));
    }

    static Counter counted(String lcovSummary, String what) {
        Matcher m =
                Pattern.compile(what + "\\.*: [0-9.]+% \\((\\d+) of (\\d+)").matcher(lcovSummary);
        assertThat(m.find()).as(lcovSummary).isTrue();
        return new Counter(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    @Test
    void brdaLinesStayNumbers() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.write("neg.info", "TN:\nSF:a.py\nDA:1,1\nBRDA:-1,0,0,1\nend_of_record\n");
            SimulatedRunner.Step step = r.input("files", "neg.info").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains("::error::coverage-gate: neg.info:4: line number out of range: -1");
        }
    }

    @Test
    void sonarGenericCoverageIsNamedAndRefused() throws Exception {
        // Detection names the root's line; with format: cobertura forced, the first <file>
        // element's.
        for (String[] c : new String[][] {{"auto", "2"}, {"cobertura", "3"}}) {
            String format = c[0];
            try (SimulatedRunner r = new SimulatedRunner()) {
                r.copy(
                        CoveragePyJsonTest.real("sonar-generic/sonar_baseline.xml"),
                        "build/sonar.xml");
                SimulatedRunner.Step step =
                        r.input("files", "build/sonar.xml")
                                .input("format", format)
                                .input("min", "50")
                                .input("report-file", "report.json")
                                .run(ACTION);
                assertThat(step.exit()).as(format).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(step.stdout())
                        .as(format)
                        .contains(
                                "::error::coverage-gate: build/sonar.xml:"
                                        + c[1]
                                        + ": this is "
                                        + "SonarQube's generic test coverage XML")
                        .contains("which coverage-gate does not read");
                assertThat(r.workspace().resolve("report.json")).doesNotExist();
                assertThat(r.summaryFile()).isEmptyFile();
            }
        }
    }

    @Test
    void coberturaWithAVersionOneRootIsStillCobertura() throws IOException {
        Path dir = Files.createTempDirectory("cob");
        try {
            Path xml =
                    Files.writeString(
                            dir.resolve("c.xml"),
                            "<?xml version=\"1.0\"?>\n<coverage version=\"1\">"
                                    + "<packages><package name=\"p\"><classes><class name=\"a\" filename=\"a.py\"><lines>"
                                    + "<line number=\"1\" hits=\"1\"/></lines></class></classes></package></packages></coverage>\n");
            assertThat(CoveragePyJsonTest.read(xml).lines()).isEqualTo(new Counter(1, 1));
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
