package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The fixed CLI contract of {@code pipewright coverage-gate}. */
class CoverageGateCommandTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new PipewrightCommand());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL);
        ActionCommands.addTo(cl, () -> env, () -> dir);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private void sample(String from, String to) throws IOException {
        try (var in = getClass().getResourceAsStream("/coverage-samples/" + from)) {
            Files.copy(in, dir.resolve(to));
        }
    }

    @Test
    void belowMinimumExitsOneWithOneLineReason() throws IOException {
        sample("cover.coverpkg.count.out", "coverage.out");
        assertThat(run("coverage-gate", "--files", "coverage.out", "--min", "80")).isEqualTo(1);
        // One decimal, as go tool cover prints it, for Go coverprofiles (expected.json: 68.8).
        assertThat(out.toString())
                .isEqualTo(
                        "coverage=68.8\nbranch-coverage=\ndelta=\npatch-coverage=\npassed=false\nreport=\n");
        assertThat(err.toString().lines().filter(l -> l.startsWith("coverage-gate:")))
                .containsExactly("coverage-gate: coverage 68.8% is below the minimum 80%");
    }

    @Test
    void atOrAboveMinimumExitsZero() throws IOException {
        sample("cover.coverpkg.count.out", "coverage.out");
        assertThat(run("coverage-gate", "--files", "coverage.out", "--min", "60")).isEqualTo(0);
        assertThat(out.toString()).contains("coverage=68.8\n", "passed=true\n");
        // the step summary is for a run's page: outside Actions, only where --summary puts it
        assertThat(err.toString()).doesNotContain("Coverage 68.8%");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("coverage.out");
        }
    }

    @Test
    void theSummaryGoesToTheFileSummaryNames() throws IOException {
        sample("cover.coverpkg.count.out", "coverage.out");
        assertThat(
                        run(
                                "coverage-gate",
                                "--files",
                                "coverage.out",
                                "--min",
                                "60",
                                "--summary",
                                "out/summary.md"))
                .isEqualTo(0);
        assertThat(dir.resolve("out/summary.md")).content().startsWith("### ✅ Coverage 68.8%");
        assertThat(err.toString()).doesNotContain("Coverage 68.8%");
    }

    @Test
    void goFigureIsTheGatedFigure() throws IOException {
        sample("cover.coverpkg.count.out", "coverage.out");
        assertThat(run("coverage-gate", "--files", "coverage.out", "--min", "68.8")).isEqualTo(0);
        assertThat(out.toString()).contains("coverage=68.8\n", "passed=true\n");
    }

    @Test
    void repeatedFilesAreMergedAndInputEnvironmentIsIgnored() throws IOException {
        sample("run1.info", "run1.info");
        sample("runB.info", "runB.info");
        env.put("INPUT_MIN", "99");
        assertThat(
                        run(
                                "coverage-gate",
                                "--files",
                                "run1.info",
                                "--files",
                                "runB.info",
                                "--input-format",
                                "lcov"))
                .isEqualTo(0);
        assertThat(out.toString()).contains("coverage=80.00\n", "branch-coverage=83.33\n");
    }

    @Test
    void patchAndBaseOptions() throws IOException {
        sample("coverage.xml", "coverage.xml");
        sample("patch.diff", "patch.diff");
        Files.writeString(dir.resolve("base.txt"), "72.00");
        int exit =
                run(
                        "coverage-gate",
                        "--files",
                        "coverage.xml",
                        "--diff-file",
                        "patch.diff",
                        "--patch-min",
                        "50",
                        "--base-file",
                        "base.txt",
                        "--max-drop",
                        "1",
                        "--rules",
                        "pkg/**: 70");
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("delta=-1.41\n", "patch-coverage=50.00\n", "passed=false\n");
        assertThat(err.toString())
                .contains(
                        "coverage-gate: coverage 70.59% dropped 1.41 points from base 72.00% (max-drop 1)");
    }

    @Test
    void baseFileThatDoesNotExistYetSkipsTheDelta() throws IOException {
        sample("coverage.xml", "coverage.xml");
        int exit =
                run(
                        "coverage-gate",
                        "--files",
                        "coverage.xml",
                        "--base-file",
                        "base/coverage-gate.json",
                        "--max-drop",
                        "2",
                        "--summary",
                        "summary.md");
        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).contains("delta=\n", "passed=true\n");
        assertThat(err.toString())
                .contains(
                        "coverage-gate: no base yet: delta skipped (base-file base/coverage-gate.json does not exist)");
        assertThat(dir.resolve("summary.md"))
                .content()
                .contains("| change vs base | no base yet: delta skipped");
        Files.writeString(dir.resolve("corrupt.json"), "{\"coverage\": ");
        assertThat(
                        run(
                                "coverage-gate",
                                "--files",
                                "coverage.xml",
                                "--base-file",
                                "corrupt.json",
                                "--max-drop",
                                "2"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("coverage-gate: corrupt.json:1:");
    }

    @Test
    void badInputExitsTwoWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("x.xml"), "<?xml version=\"1.0\"?>\n<coverage>\n");
        assertThat(run("coverage-gate", "--files", "x.xml")).isEqualTo(2);
        assertThat(err.toString()).startsWith("coverage-gate: x.xml:3: malformed XML");
        assertThat(out.toString()).isEmpty();
        assertThat(run("coverage-gate", "--files", "x.xml", "--min", "abc")).isEqualTo(2);
        assertThat(err.toString())
                .contains("coverage-gate: input 'min': expected a number, got 'abc'");
    }

    @Test
    void unknownFlagIsAUsageError() {
        assertThat(run("coverage-gate", "--nope", "1")).isEqualTo(2);
    }

    @Test
    void registeredOnTheRealCommandLine() {
        assertThat(PipewrightCommand.commandLine().getSubcommands()).containsKey("coverage-gate");
    }
}
