package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final String CLEAN = """
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-slim
                steps:
                  - run: echo hi
            """;
    private static final String BROKEN = """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                needs: missing
                steps:
                  - run: echo hi
            permissions: {}
            """;

    private int run(Map<String, String> env, String... args) {
        LintCommand cmd = new LintCommand();
        cmd.workingDir = dir;
        cmd.env = env;
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL);
        return cl.execute(args);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private void workflow(String name, String text) throws IOException {
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/" + name), text);
    }

    @Test
    void positiveCleanWorkflowExitsZero() throws IOException {
        workflow("ci.yml", CLEAN);
        assertThat(run()).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void negativeFindingsExitOneWithCaret() throws IOException {
        workflow("ci.yml", BROKEN);
        assertThat(run(".github/")).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString()).isEqualTo("""
                .github/workflows/ci.yml:5:12: error: job "build" needs job "missing", which does not exist; jobs are: build [job-needs]
                    needs: missing
                           ^
                """);
    }

    @Test
    void jsonFormatIsAnArrayOfFindings() throws IOException {
        workflow("ci.yml", BROKEN);
        assertThat(run("--format", "json", ".github/workflows/ci.yml")).isEqualTo(1);
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertThat(arr.isArray()).isTrue();
        assertThat(arr.get(0).get("file").asText()).isEqualTo(".github/workflows/ci.yml");
        assertThat(arr.get(0).get("line").asInt()).isEqualTo(5);
        assertThat(arr.get(0).get("column").asInt()).isEqualTo(12);
        assertThat(arr.get(0).get("rule").asText()).isEqualTo("job-needs");
        assertThat(arr.get(0).get("severity").asText()).isEqualTo("error");
    }

    @Test
    void sarifFormatCarriesRulesAndFingerprints() throws IOException {
        workflow("ci.yml", BROKEN);
        assertThat(run("--format", "sarif")).isEqualTo(1);
        JsonNode sarif = new ObjectMapper().readTree(out.toString());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules").size()).isGreaterThan(10);
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("job-needs");
        assertThat(result.get("partialFingerprints").get("primaryLocationLineHash/v1").asText()).hasSize(32);
    }

    @Test
    void githubAnnotationsWhenRunningInActions() throws IOException {
        workflow("ci.yml", BROKEN);
        assertThat(run(Map.of("GITHUB_ACTIONS", "true"))).isEqualTo(1);
        assertThat(out.toString()).contains("::error file=.github/workflows/ci.yml,line=5,col=12,title=job-needs::");
    }

    @Test
    void configIgnoresMatchingFindings() throws IOException {
        workflow("ci.yml", BROKEN);
        Files.writeString(dir.resolve(".github/pipewright-lint.yml"), "ignore:\n  - rule: job-needs\n");
        assertThat(run()).isZero();
    }

    @Test
    void negativeMissingPathIsUsageError() {
        assertThat(run("nope/")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nope: no such file or directory");
    }

    @Test
    void negativeBadFormatAndBadConfigAreUsageErrors() throws IOException {
        workflow("ci.yml", CLEAN);
        assertThat(run("--format", "xml")).isEqualTo(ExitCodes.USAGE);
        Files.writeString(dir.resolve("bad.yml"), "unknown: 1\n");
        assertThat(run("--config", "bad.yml")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown configuration key");
    }

    @Test
    void helpListsExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:", "0   no findings", "1   findings", "2   usage error", "3   internal error");
    }

    @Test
    void registeredUnderPipewright() {
        assertThat(PipewrightCommand.commandLine().getSubcommands()).containsKey("lint");
    }

    @Test
    void fixPinsAndAddsPermissionsThenDryRunIsClean() throws IOException {
        workflow("ci.yml", """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v7.0.1 # v7.0.1
                        with:
                          persist-credentials: false
                """);
        assertThat(run("--fix", "--dry-run")).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString()).contains("+permissions:", "+  contents: read",
                "+      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1");
        out.getBuffer().setLength(0);
        assertThat(run("--fix")).isZero();
        assertThat(out.toString()).contains("[unpinned-uses]", "[excessive-permissions]");
        out.getBuffer().setLength(0);
        assertThat(run("--fix", "--dry-run")).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void failLevelDecidesTheExitCodeButEveryFindingIsPrinted() throws IOException {
        workflow("w.yml", """
                on: push
                permissions: {}
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    timeout-minutes: 5
                    steps:
                      - uses: actions/checkout@v4
                """);
        assertThat(run("--fail-level", "error")).isZero();
        assertThat(out.toString()).contains("[unpinned-uses]");
        assertThat(run("--fail-level", "warning")).isEqualTo(1);
        assertThat(run()).isEqualTo(1);
        assertThat(run("--fail-level", "fatal")).isEqualTo(2);
        assertThat(err.toString()).contains("--fail-level: expected error, warning, note or none, got \"fatal\"");
    }

    @Test
    void negativeAPullRequestTargetInjectionFailsAtFailLevelErrorWithASummary() throws IOException {
        workflow("greet.yml", """
                on: pull_request_target
                permissions: {}
                jobs:
                  greet:
                    runs-on: ubuntu-24.04
                    timeout-minutes: 5
                    steps:
                      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
                        with:
                          ref: ${{ github.event.pull_request.head.sha }}
                          persist-credentials: false
                      - run: echo "${{ github.event.pull_request.title }}"
                """);
        assertThat(run("--fail-level", "error")).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString())
                .contains(".github/workflows/greet.yml:12:20: error: \"${{ github.event.pull_request.title }}\" expands attacker-controlled")
                .containsPattern("(?m)^\\.github/workflows/greet\\.yml:\\d+:\\d+: warning: .*\\[dangerous-triggers\\]$");
        assertThat(err.toString()).containsPattern("pipewright lint: \\d+ findings: [1-9]\\d* errors?, \\d+ warnings?, \\d+ notes?\\n");
    }

    @Test
    void aCleanRunSaysSoOnStderrOnly() throws IOException {
        workflow("ci.yml", CLEAN);
        assertThat(run()).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("pipewright lint: no findings\n");
    }
}
