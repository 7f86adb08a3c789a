package dev.pipewright.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionRunnerTest {
    /** A small action exercising every part of the runtime; {@code mode} picks how it ends. */
    static final class ProbeAction implements Action {
        static final ActionDescriptor DESCRIPTOR =
                new ActionDescriptor(
                        "probe",
                        "Probe",
                        "Test action.",
                        null,
                        List.of(
                                InputSpec.of("mode", "pass, fail, bad or crash")
                                        .withDefault("pass"),
                                InputSpec.of("count", "a number").withDefault("1"),
                                InputSpec.of("api-token", "a secret").secretValue(),
                                InputSpec.of("path", "a workspace path")),
                        List.of(
                                new OutputSpec("greeting", "text"),
                                new OutputSpec("multi", "multi-line text")),
                        new Branding("check", "blue"));

        @Override
        public ActionDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public Outcome run(ActionContext ctx) throws Exception {
            int count = ctx.inputs().integer("count", 0, 10).orElseThrow();
            ctx.inputs().optional("path").ifPresent(p -> ctx.workspace().resolve("path", p));
            ctx.log("token is " + ctx.inputs().string("api-token"));
            ctx.group("details");
            ctx.log(
                    "event "
                            + ctx.env().eventName().orElse("?")
                            + " pr "
                            + ctx.env().pullRequestNumber().orElse(0));
            ctx.endGroup();
            ctx.setOutput("greeting", "hello x" + count);
            ctx.setOutput("multi", "line1\nline2 ghadelimiter_x\n%0A");
            ctx.appendSummary("### probe\n");
            ctx.env()
                    .file("RUNNER_TEMP")
                    .ifPresent(t -> ctx.writeFile(t.resolve("report.json"), "{}"));
            ctx.annotate(
                    new Annotation(
                            Annotation.Level.WARNING, "src/a,b.go", 3, 4, "t:1", "50% done\nnext"));
            return switch (ctx.inputs().string("mode")) {
                case "fail" -> Outcome.fail("count " + count + " is too small");
                case "bad" -> throw InputException.forInput("mode", "bad on purpose");
                case "crash" -> throw new IllegalStateException("boom");
                default -> Outcome.pass();
            };
        }
    }

    @Test
    void passWritesOutputsSummaryFilesAndAnnotations() throws Exception {
        try (SimulatedRunner runner = new SimulatedRunner()) {
            runner.input("count", " 3 ").event("pull_request", "{\"pull_request\":{\"number\":7}}");
            SimulatedRunner.Step step = runner.run(new ProbeAction());
            assertThat(step.exit()).isEqualTo(ExitCode.OK);
            assertThat(step.outputs())
                    .containsExactly(
                            Map.entry("greeting", "hello x3"),
                            Map.entry("multi", "line1\nline2 ghadelimiter_x\n%0A"));
            assertThat(step.summary()).isEqualTo("### probe\n");
            assertThat(runner.root().resolve("runner_temp/report.json")).hasContent("{}");
            assertThat(step.stdout())
                    .contains("::group::details\nevent pull_request pr 7\n::endgroup::\n")
                    .contains(
                            "::warning file=src/a%2Cb.go,line=3,endLine=4,title=t%3A1::50%25 done%0Anext");
            assertThat(step.stderr()).isEmpty();
        }
    }

    @Test
    void secretsAreMaskedBeforeAnythingElseIsPrinted() throws Exception {
        try (SimulatedRunner runner = new SimulatedRunner()) {
            runner.env("INPUT_API-TOKEN", "s3cr3t\nline2");
            SimulatedRunner.Step step = runner.run(new ProbeAction());
            assertThat(step.stdout())
                    .startsWith(
                            "::add-mask::s3cr3t%0Aline2\n::add-mask::s3cr3t\n::add-mask::line2\n");
        }
    }

    @Test
    void failedGateExitsOneAndStillWritesOutputs() throws Exception {
        try (SimulatedRunner runner = new SimulatedRunner()) {
            SimulatedRunner.Step step = runner.input("mode", "fail").run(new ProbeAction());
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(step.outputs()).containsKey("greeting");
            assertThat(step.stdout()).contains("::error::probe: count 1 is too small");
        }
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws Exception {
        for (String[] input :
                new String[][] {
                    {"mode", "bad"}, {"count", "x"}, {"count", "11"}, {"path", "../etc/passwd"}
                }) {
            try (SimulatedRunner runner = new SimulatedRunner()) {
                SimulatedRunner.Step step = runner.input(input[0], input[1]).run(new ProbeAction());
                assertThat(step.exit()).as(input[0]).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(step.stdout()).contains("::error::probe: input '" + input[0] + "': ");
                assertThat(runner.outputFile()).isEmptyFile();
                assertThat(runner.summaryFile()).isEmptyFile();
                assertThat(runner.root().resolve("runner_temp/report.json")).doesNotExist();
            }
        }
    }

    @Test
    void crashExitsThree() throws Exception {
        try (SimulatedRunner runner = new SimulatedRunner()) {
            SimulatedRunner.Step step = runner.input("mode", "crash").run(new ProbeAction());
            assertThat(step.exit()).isEqualTo(ExitCode.INTERNAL);
            assertThat(step.stdout())
                    .contains(
                            "::error::probe: internal error: java.lang.IllegalStateException: boom");
            assertThat(runner.outputFile()).isEmptyFile();
        }
    }

    @Test
    void malformedEventPayloadIsBadInput() throws Exception {
        try (SimulatedRunner runner = new SimulatedRunner()) {
            runner.event("pull_request", "{not json");
            assertThat(runner.run(new ProbeAction()).exit()).isEqualTo(ExitCode.BAD_INPUT);
        }
    }

    @Test
    void symlinkOutOfTheWorkspaceIsRefused() throws Exception {
        try (SimulatedRunner runner = new SimulatedRunner()) {
            Files.createSymbolicLink(runner.workspace().resolve("link"), runner.root());
            SimulatedRunner.Step step =
                    runner.input("path", "link/file_commands").run(new ProbeAction());
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout()).contains("outside the workspace");
        }
    }

    /**
     * Outside a runner the summary is Markdown for a page that does not exist: it is not dumped on
     * stderr.
     */
    @Test
    void withoutGithubOutputPrintsNameValueLinesAndNoSummary() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path cwd = Path.of("").toAbsolutePath();
        int exit =
                new ActionRunner(
                                Map.of("INPUT_API-TOKEN", "tok"),
                                cwd,
                                new PrintWriter(out),
                                new PrintWriter(err))
                        .run(new ProbeAction());
        assertThat(exit).isEqualTo(0);
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("greeting=hello x1");
        assertThat(lines[1]).matches("multi<<ghadelimiter_[0-9a-f]{32}");
        assertThat(out.toString()).doesNotContain("::add-mask::").doesNotContain("token is");
        assertThat(err.toString())
                .contains("token is tok")
                .doesNotContain("### probe")
                .contains("warning: src/a,b.go:3: t:1: 50% done");
    }

    /**
     * The CLI's --summary FILE: the summary replaces the file, on a runner too, and nothing of it
     * reaches stderr.
     */
    @Test
    void aSummaryFileGetsTheSummary(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        Path stepSummary = Files.writeString(dir.resolve("step-summary.md"), "");
        Files.writeString(dir.resolve("summary.md"), "old\n");
        int exit =
                new ActionRunner(
                                Map.of("GITHUB_STEP_SUMMARY", stepSummary.toString()),
                                dir,
                                new PrintWriter(new StringWriter()),
                                new PrintWriter(err),
                                Path.of("summary.md"))
                        .run(new ProbeAction());
        assertThat(exit).isZero();
        assertThat(dir.resolve("summary.md")).hasContent("### probe");
        assertThat(stepSummary).isEmptyFile();
        assertThat(err.toString()).doesNotContain("### probe");
    }
}
