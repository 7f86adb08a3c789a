package dev.pipewright.action.coverage;

import static dev.pipewright.action.TestData.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** coverage-gate end to end through the simulated runner. */
class CoverageGateActionTest {
    private static final CoverageGateAction ACTION = new CoverageGateAction();

    @Test
    void goCoverpkgBelowMinimumFailsWithOneLineReason() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("go/cover.coverpkg.count.out"), "coverage.out");
            SimulatedRunner.Step step =
                    r.input("files", "coverage.out").input("min", "80").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
            // go tool cover's one decimal: the figure Go users see (and expected.json states) is
            // the one gated.
            assertThat(step.outputs())
                    .containsEntry("coverage", "68.8")
                    .containsEntry("passed", "false")
                    .containsEntry("branch-coverage", "")
                    .containsEntry("delta", "")
                    .containsEntry("patch-coverage", "");
            assertThat(step.stdout())
                    .contains(
                            "::error::coverage-gate: coverage 68.8%25 is below the minimum 80%25\n");
            assertThat(step.summary())
                    .contains(
                            "### ❌ Coverage 68.8%",
                            "| statements | 68.8% (11 of 16) |",
                            "| min | 68.8 | 80 | **fail**: coverage 68.8% is below the minimum 80% |",
                            "| example.com/covdemo/calc | 5 | 9 | 55.6% |");
            // Worst package first.
            assertThat(step.summary().indexOf("example.com/covdemo/calc |"))
                    .isLessThan(step.summary().indexOf("example.com/covdemo/strutil |"));
        }
    }

    @Test
    void passesWithLowerMinimumAndWritesTheJsonReport() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("go/cover.coverpkg.count.out"), "coverage.out");
            SimulatedRunner.Step step =
                    r.input("files", "coverage.out").input("min", "60").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.OK);
            assertThat(step.outputs()).containsEntry("passed", "true");
            Path report = Path.of(step.outputs().get("report"));
            assertThat(report).isEqualTo(r.root().resolve("runner_temp/coverage-gate.json"));
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            assertThat(json.get("coverage").decimalValue()).isEqualByComparingTo("68.8");
            assertThat(json.get("covered").asLong()).isEqualTo(11);
            assertThat(json.get("total").asLong()).isEqualTo(16);
            assertThat(json.at("/packages/0/name").asText()).isEqualTo("example.com/covdemo/calc");
        }
    }

    @Test
    void perPathRulesUseRepositoryPathsViaGoMod() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("go/cover.coverpkg.count.out"), "coverage.out");
            r.write("go.mod", "module example.com/covdemo\n\ngo 1.19\n");
            SimulatedRunner.Step step =
                    r.input("files", "coverage.out")
                            .input("rules", "strutil/**: 85\ncalc/**: 95\n# comment\n")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(step.stdout())
                    .contains(
                            "::error::coverage-gate: coverage of calc/** 55.6%25 is below the minimum 95%25\n");
            assertThat(step.summary()).contains("| rule strutil/** | 85.7 | 85 | pass |");
        }
    }

    @Test
    void maxDropFollowsCodecov() throws Exception {
        // base 80, max-drop 2: 78.00 passes, 77.99 fails.
        for (String[] c : new String[][] {{"7800", "0"}, {"7799", "1"}}) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                r.write("lcov.info", lcov(Integer.parseInt(c[0]), 10000));
                r.write("base.txt", "80\n");
                SimulatedRunner.Step step =
                        r.input("files", "lcov.info")
                                .input("base-file", "base.txt")
                                .input("max-drop", "2")
                                .run(ACTION);
                assertThat(step.exit()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
                assertThat(step.outputs().get("delta"))
                        .isEqualTo(c[0].equals("7800") ? "-2.00" : "-2.01");
            }
        }
    }

    @Test
    void baseFileMayBeAnEarlierJsonReportOrAnyReport() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("go/cover.coverpkg.count.out"), "coverage.out");
            r.copy(sample("go/cover.set.out"), "base.out");
            SimulatedRunner.Step step =
                    r.input("files", "coverage.out")
                            .input("base-file", "base.out")
                            .input("report-file", "out/report.json")
                            .run(ACTION);
            // 68.8 - 56.2: both at go tool cover's precision (56.25 prints as 56.2).
            assertThat(step.outputs()).containsEntry("delta", "12.6");
            Files.move(
                    r.workspace().resolve("out/report.json"), r.workspace().resolve("base.json"));
            SimulatedRunner.Step again =
                    r.input("base-file", "base.json").input("max-drop", "0").run(ACTION);
            assertThat(again.exit()).isEqualTo(0);
            assertThat(again.outputs().get("delta")).isEqualTo("0.0");
        }
    }

    @Test
    void goOnlyGatesOnTheOneDecimalFigure() throws Exception {
        // 11/16 = 68.75 shows as 68.8 (so --min 68.8 passes); 9/16 = 56.25 shows as 56.2 (so --min
        // 56.25 fails).
        String[][] cases = {
            {"go/cover.coverpkg.count.out", "68.8", "0", "68.8"},
            {"go/cover.coverpkg.count.out", "68.85", "1", "68.8"},
            {"go/cover.set.out", "56.2", "0", "56.2"},
            {"go/cover.set.out", "56.25", "1", "56.2"},
        };
        for (String[] c : cases) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                r.copy(sample(c[0]), "c.out");
                SimulatedRunner.Step step =
                        r.input("files", "c.out").input("min", c[1]).run(ACTION);
                assertThat(step.exit()).as(c[0] + " min " + c[1]).isEqualTo(Integer.parseInt(c[2]));
                assertThat(step.outputs()).containsEntry("coverage", c[3]);
            }
        }
    }

    @Test
    void goMergedWithAnotherFormatUsesTwoDecimals() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("go/cover.coverpkg.count.out"), "coverage.out");
            r.write("lcov.info", lcov(0, 16));
            SimulatedRunner.Step step =
                    r.input("files", "coverage.out\nlcov.info").input("min", "34.38").run(ACTION);
            // 11 of 32 units: two decimals as soon as any report is not a Go coverprofile.
            assertThat(step.outputs())
                    .containsEntry("coverage", "34.38")
                    .containsEntry("passed", "true");
        }
    }

    @Test
    void patchCoverageFromDiffFileWithCappedAnnotations() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("python/coverage.xml"), "coverage.xml");
            r.copy(sample("python/patch.diff"), "patch.diff");
            SimulatedRunner.Step step =
                    r.input("files", "coverage.xml")
                            .input("diff-file", "patch.diff")
                            .input("patch-min", "60")
                            .input("max-annotations", "1")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(step.outputs())
                    .containsEntry("patch-coverage", "50.00")
                    .containsEntry("coverage", "70.59")
                    .containsEntry("branch-coverage", "70.00");
            assertThat(step.stdout())
                    .contains(
                            "::warning file=pkg/shapes.py,line=7,title=Not covered::Added line 7 not covered by tests\n")
                    .doesNotContain("line=12")
                    .contains(
                            "::notice::1 more uncovered ranges of added lines not annotated (max-annotations: 1)");
            JsonNode json =
                    new ObjectMapper().readTree(Path.of(step.outputs().get("report")).toFile());
            assertThat(json.at("/patch/hits").asLong()).isEqualTo(2);
            assertThat(json.at("/patch/partials").asLong()).isEqualTo(1);
            assertThat(json.at("/patch/misses").asLong()).isEqualTo(3);
            assertThat(json.at("/patch/codecov_coverage").decimalValue())
                    .isEqualByComparingTo("33.33");
        }
    }

    @Test
    void patchWithNothingCoverableIsHundredPercent() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("python/coverage.json"), "coverage.json");
            r.write("d.diff", "--- a/README.md\n+++ b/README.md\n@@ -1,0 +2,1 @@\n+more\n");
            SimulatedRunner.Step step =
                    r.input("files", "*.json")
                            .input("diff-file", "d.diff")
                            .input("patch-min", "90")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(0);
            assertThat(step.outputs()).containsEntry("patch-coverage", "100.00");
        }
    }

    @Test
    void baseFileMayBeAPlainNumberUnlessAFileHasThatName() throws Exception {
        String[][] cases = {{"60", "0"}, {"60.0", "0"}, {"60%", "0"}, {"80", "1"}};
        for (String[] c : cases) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                r.copy(sample("go/cover.set.out"), "c.out");
                SimulatedRunner.Step step =
                        r.input("files", "c.out")
                                .input("base-file", c[0])
                                .input("max-drop", "5")
                                .run(ACTION);
                assertThat(step.exit()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            }
        }
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("go/cover.set.out"), "c.out");
            r.write("60", "90\n");
            SimulatedRunner.Step step =
                    r.input("files", "c.out")
                            .input("base-file", "60")
                            .input("max-drop", "5")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
        }
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("go/cover.set.out"), "c.out");
            SimulatedRunner.Step step =
                    r.input("files", "c.out")
                            .input("base-file", "160")
                            .input("max-drop", "5")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout()).contains("input 'base-file': must be between 0 and 100");
        }
    }

    @Test
    void malformedJsonBaseFileIsOneLineAtLineAndColumn() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("go/cover.set.out"), "c.out");
            r.write("t.json", "{\"a\":");
            SimulatedRunner.Step step =
                    r.input("files", "c.out")
                            .input("base-file", "t.json")
                            .input("max-drop", "5")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            String error =
                    step.stdout()
                            .lines()
                            .filter(l -> l.startsWith("::error::"))
                            .findFirst()
                            .orElseThrow();
            assertThat(error)
                    .startsWith(
                            "::error::coverage-gate: t.json:1:6: malformed JSON: Unexpected end-of-input")
                    .doesNotContain("Source")
                    .doesNotContain("%0A");
        }
    }

    @Test
    void diffFileThatIsNotADiffIsBadInputButAnEmptyDiffIsZeroOfZero() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("python/coverage.json"), "coverage.json");
            r.write("nd.diff", "not a diff at all\n");
            SimulatedRunner.Step step =
                    r.input("files", "*.json")
                            .input("diff-file", "nd.diff")
                            .input("patch-min", "90")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains("::error::coverage-gate: nd.diff: not a unified diff");
        }
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("python/coverage.json"), "coverage.json");
            r.write("empty.diff", "");
            SimulatedRunner.Step step =
                    r.input("files", "*.json")
                            .input("diff-file", "empty.diff")
                            .input("patch-min", "90")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(0);
            assertThat(step.outputs()).containsEntry("patch-coverage", "100.00");
        }
    }

    @Test
    void badInputsExitTwoWithFileAndLineAndWriteNothing() throws Exception {
        String jacocoHead = "<?xml version=\"1.0\"?>\n";
        Object[][] cases = {
            {"missing.out", null, "missing.out:1: no such file"},
            {"empty.out", "", "empty.out:1: empty file"},
            {
                "trunc.xml",
                jacocoHead
                        + "<!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\">\n<report name=\"x\">\n<package name=\"p\">\n",
                "trunc.xml:5: malformed XML"
            },
            {"what.txt", "hello\n", "what.txt:1: unknown coverage format"},
            {
                "xxe.xml",
                jacocoHead
                        + "<!DOCTYPE report [<!ENTITY x SYSTEM \"http://evil.example/x\">]>\n<report>&x;</report>\n",
                "xxe.xml:2: the DOCTYPE declares entities"
            },
            {
                "bomb.xml",
                jacocoHead
                        + "<!DOCTYPE coverage [<!ENTITY a \"aaaa\">]>\n<coverage>&a;</coverage>\n",
                "bomb.xml:2: the DOCTYPE declares entities"
            },
            {
                "latin1.info",
                new byte[] {
                    'T',
                    'N',
                    ':',
                    '\n',
                    'S',
                    'F',
                    ':',
                    'a',
                    '\n',
                    'D',
                    'A',
                    ':',
                    '1',
                    ',',
                    '1',
                    '\n',
                    'S',
                    'F',
                    ':',
                    (byte) 0xE9,
                    '\n'
                },
                "latin1.info:4: not UTF-8 text"
            },
            {"bad.out", "mode: set\na.go:1.1,2.2 1 x\n", "bad.out:2: expected a number, got 'x'"},
            {
                "conflict.out",
                "mode: set\na.go:1.1,2.2 1 1\na.go:1.1,2.2 2 1\n",
                "conflict.out:3: block a.go:1.1,2.2 has a different statement count"
            },
            {
                "nolines.xml",
                jacocoHead + "<report name=\"x\"></report>\n",
                "nolines.xml:1: empty report"
            },
        };
        for (Object[] c : cases) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                if (c[1] instanceof String s) {
                    r.write((String) c[0], s);
                } else if (c[1] instanceof byte[] b) {
                    r.write((String) c[0], b);
                }
                SimulatedRunner.Step step =
                        r.input("files", (String) c[0])
                                .input("report-file", "report.json")
                                .run(ACTION);
                assertThat(step.exit()).as((String) c[0]).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(step.stdout())
                        .as((String) c[0])
                        .contains("::error::coverage-gate: " + c[2]);
                assertThat(r.outputFile()).isEmptyFile();
                assertThat(r.summaryFile()).isEmptyFile();
                assertThat(r.workspace().resolve("report.json")).doesNotExist();
            }
        }
    }

    @Test
    void badGateInputsNameTheInput() throws Exception {
        String[][] cases = {
            {"min", "eighty", "input 'min': expected a number, got 'eighty'"},
            {"format", "clover", "input 'format': unknown format 'clover'"},
            {
                "rules",
                "src/**",
                "input 'rules': line 1: expected '<glob>: <percent>', got 'src/**'"
            },
            {"max-drop", "2", "input 'max-drop': needs base-file"},
            {"rules", "m/**: abc", "input 'rules': line 1 'm/**': expected a number, got 'abc'"},
            {"patch-min", "80", "input 'patch-min': needs diff-file or base-ref"},
        };
        for (String[] c : cases) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                r.copy(sample("go/cover.set.out"), "c.out");
                SimulatedRunner.Step step = r.input("files", "c.out").input(c[0], c[1]).run(ACTION);
                assertThat(step.exit()).as(c[0]).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(step.stdout()).as(c[0]).contains("::error::coverage-gate: " + c[2]);
            }
        }
    }

    @Test
    void jacocoWithItsDoctypeNeverFetchesTheDtd() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(sample("jacoco/jacoco.xml"), "target/site/jacoco/jacoco.xml");
            SimulatedRunner.Step step =
                    r.input("files", "**/jacoco.xml").input("min", "60").run(ACTION);
            assertThat(step.exit()).isEqualTo(0);
            assertThat(step.outputs())
                    .containsEntry("coverage", "63.64")
                    .containsEntry("branch-coverage", "70.00");
        }
    }

    static String lcov(int hit, int found) {
        StringBuilder sb = new StringBuilder("TN:\nSF:src/a.c\n");
        for (int i = 1; i <= found; i++) {
            sb.append("DA:").append(i).append(',').append(i <= hit ? 1 : 0).append('\n');
        }
        return sb.append("end_of_record\n").toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
