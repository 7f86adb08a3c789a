package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.lint.rule.ShellcheckRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintCommandTest {
    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final String CLEAN =
            """
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-slim
                steps:
                  - run: echo hi
            """;
    private static final String BROKEN =
            """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                needs: missing
                steps:
                  - run: echo hi
            permissions: {}
            """;

    private String stdin = "";
    private boolean terminal;

    private int run(Map<String, String> env, String... args) {
        LintCommand cmd = new LintCommand();
        cmd.workingDir = dir;
        cmd.env = env;
        cmd.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        cmd.terminal = terminal;
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
        assertThat(out.toString())
                .isEqualTo(
                        """
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
        assertThat(result.get("partialFingerprints").get("primaryLocationLineHash/v1").asText())
                .hasSize(32);
    }

    @Test
    void githubAnnotationsWhenRunningInActions() throws IOException {
        workflow("ci.yml", BROKEN);
        assertThat(run(Map.of("GITHUB_ACTIONS", "true"))).isEqualTo(1);
        assertThat(out.toString())
                .contains("::error file=.github/workflows/ci.yml,line=5,col=12,title=job-needs::");
    }

    @Test
    void configIgnoresMatchingFindings() throws IOException {
        workflow("ci.yml", BROKEN);
        Files.writeString(
                dir.resolve(".github/pipewright-lint.yml"), "ignore:\n  - rule: job-needs\n");
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
        assertThat(out.toString())
                .contains(
                        "Exit codes:",
                        "0   no findings",
                        "1   findings",
                        "2   usage error",
                        "3   internal error");
    }

    @Test
    void registeredUnderPipewright() {
        assertThat(PipewrightCommand.commandLine().getSubcommands()).containsKey("lint");
    }

    @Test
    void fixPinsAndAddsPermissionsThenDryRunIsClean() throws IOException {
        workflow(
                "ci.yml",
                """
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
        assertThat(out.toString())
                .contains(
                        "+permissions:",
                        "+  contents: read",
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
        workflow(
                "w.yml",
                """
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
        assertThat(err.toString())
                .contains("--fail-level: expected error, warning, note or none, got \"fatal\"");
    }

    @Test
    void negativeAPullRequestTargetInjectionFailsAtFailLevelErrorWithASummary() throws IOException {
        workflow(
                "greet.yml",
                """
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
                .contains(
                        ".github/workflows/greet.yml:12:20: error: \"${{ github.event.pull_request.title }}\" expands attacker-controlled")
                .containsPattern(
                        "(?m)^\\.github/workflows/greet\\.yml:\\d+:\\d+: warning: .*\\[dangerous-triggers\\]$");
        assertThat(err.toString())
                .containsPattern(
                        "pipewright lint: \\d+ findings: [1-9]\\d* errors?, \\d+ warnings?, \\d+ notes?\\n");
    }

    @Test
    void aCleanRunSaysSoOnStderrOnly() throws IOException {
        workflow("ci.yml", CLEAN);
        assertThat(run()).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("pipewright lint: no findings\n");
    }

    @Test
    void stdinIsLintedUnderItsStdinFilenameWithItsOwnLines() throws IOException {
        stdin = BROKEN;
        workflow(
                "ci.yml",
                CLEAN); // a file of that name on disk must not lend its lines to the caret
        assertThat(run("-", "--stdin-filename", ".github/workflows/ci.yml")).isEqualTo(1);
        assertThat(out.toString())
                .isEqualTo(
                        """
                .github/workflows/ci.yml:5:12: error: job "build" needs job "missing", which does not exist; jobs are: build [job-needs]
                    needs: missing
                           ^
                """);
        out.getBuffer().setLength(0);
        stdin = "name: x\nruns: {using: node12, main: index.js}\n";
        assertThat(run("-", "--stdin-filename", "action.yml")).isEqualTo(1);
        assertThat(out.toString()).startsWith("action.yml:").contains("node12");
        assertThat(run("-", ".github")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void ignoreTakesARuleAndAnOptionalPathAndRejectsAnUnknownRule() throws IOException {
        workflow("ci.yml", BROKEN);
        assertThat(run("--ignore", "job-needs")).isZero();
        assertThat(run("--ignore", "job-needs:.github/workflows/other-*.yml")).isEqualTo(1);
        assertThat(run("--ignore", "job-needs:.github/workflows/c*.yml")).isZero();
        assertThat(run("--ignore", "job-need")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("--ignore: unknown rule \"job-need\"; did you mean \"job-needs\"?");
    }

    @Test
    void anUnknownRuleInTheConfigurationsIgnoreIsALocatedError() throws IOException {
        workflow("ci.yml", BROKEN);
        Files.writeString(
                dir.resolve(".github/pipewright-lint.yml"), "ignore:\n  - rule: job-need\n");
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains(
                        ".github/pipewright-lint.yml:2:11: unknown rule \"job-need\"; did you mean \"job-needs\"?");
    }

    private static final String PR_TARGET =
            """
            on: pull_request_target
            permissions: {}
            jobs:
              greet:
                runs-on: ubuntu-24.04
                timeout-minutes: 5
                steps:
                  - run: echo "${{ github.event.pull_request.title }}"
            """;

    @Test
    void minSeverityAndMinConfidenceFilterWhatIsReportedAndCounted() throws IOException {
        workflow("greet.yml", PR_TARGET);
        assertThat(run()).isEqualTo(1);
        assertThat(out.toString()).contains("[dangerous-triggers]", "[template-injection]");
        out.getBuffer().setLength(0);
        assertThat(run("--min-severity", "error")).isEqualTo(1);
        assertThat(out.toString())
                .contains("[template-injection]")
                .doesNotContain("[dangerous-triggers]");
        out.getBuffer().setLength(0);
        assertThat(run("--min-confidence", "high", "--fail-level", "warning")).isEqualTo(1);
        assertThat(out.toString())
                .contains("[template-injection]")
                .doesNotContain("[dangerous-triggers]");
        out.getBuffer().setLength(0);
        workflow("greet.yml", PR_TARGET.replace("${{ github.event.pull_request.title }}", "hi"));
        assertThat(run("--min-confidence", "high")).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(run("--min-severity", "fatal")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--min-confidence", "sure")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void personaDecidesWhichAuditFindingsShowAndTheOptionWinsOverTheConfiguration()
            throws IOException {
        // A job container with a version tag but no digest: a code smell zizmor shows from the
        // pedantic persona on.
        workflow(
                "db.yml",
                CLEAN.replace(
                        "    runs-on: ubuntu-slim\n",
                        "    runs-on: ubuntu-slim\n    container: postgres:16\n"));
        assertThat(run()).isZero();
        assertThat(run("--persona", "pedantic")).isEqualTo(1);
        assertThat(out.toString())
                .contains("has a tag but no digest")
                .contains("[unpinned-images]");
        out.getBuffer().setLength(0);
        Files.writeString(
                dir.resolve(".github/pipewright-lint.yml"), "audits:\n  persona: auditor\n");
        assertThat(run()).isEqualTo(1);
        assertThat(run("--persona", "regular")).isZero();
        assertThat(run("--persona", "paranoid")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("--persona: expected regular, pedantic or auditor, got \"paranoid\"");
        Files.writeString(
                dir.resolve(".github/pipewright-lint.yml"), "audits:\n  persona: paranoid\n");
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("pipewright-lint.yml:2:12: unknown persona \"paranoid\"");
    }

    @Test
    void githubFormatIsAnnotationsOnly() throws IOException {
        workflow("ci.yml", BROKEN);
        assertThat(run("--format", "github")).isEqualTo(1);
        assertThat(out.toString())
                .isEqualTo(
                        "::error file=.github/workflows/ci.yml,line=5,col=12,title=job-needs::"
                                + "job \"build\" needs job \"missing\", which does not exist; jobs are: build [job-needs]\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void colourOnlyOnATerminalOrWhenAskedFor() throws IOException {
        workflow("ci.yml", BROKEN);
        run();
        assertThat(out.toString()).doesNotContain("\u001b[");
        out.getBuffer().setLength(0);
        run("--color");
        assertThat(out.toString()).contains("\u001b[1;31merror:\u001b[0m");
        out.getBuffer().setLength(0);
        terminal = true;
        run();
        assertThat(out.toString()).contains("\u001b[1;31merror:");
        out.getBuffer().setLength(0);
        run("--no-color");
        assertThat(out.toString()).doesNotContain("\u001b[");
        run(Map.of("NO_COLOR", "1"));
        assertThat(out.toString()).doesNotContain("\u001b[");
        run("--format", "json", "--color");
        assertThat(out.toString()).doesNotContain("\u001b[");
    }

    @Test
    void shellcheckOffSilencesTheRule() throws IOException {
        Assumptions.assumeTrue(
                ShellcheckRule.executable().isPresent(),
                "shellcheck is not on PATH, so there is nothing to switch off");
        workflow("ci.yml", CLEAN.replace("echo hi", "echo $1"));
        assertThat(run()).isEqualTo(1);
        assertThat(out.toString()).contains("[shellcheck]");
        out.getBuffer().setLength(0);
        assertThat(run("--shellcheck", "off")).isZero();
        assertThat(run("--shellcheck", "no-such-shellcheck-here")).isZero();
        assertThat(run("--shellcheck", ShellcheckRule.executable().get().toString())).isEqualTo(1);
    }

    @Test
    void sarifNamesTheProductVersion() throws IOException {
        workflow("ci.yml", BROKEN);
        run("--format", "sarif");
        String version = new VersionProvider().getVersion()[0].replace("pipewright ", "");
        assertThat(version).isNotEqualTo("unknown");
        assertThat(
                        new ObjectMapper()
                                .readTree(out.toString())
                                .get("runs")
                                .get(0)
                                .get("tool")
                                .get("driver")
                                .get("version")
                                .asText())
                .isEqualTo(version);
    }

    @Test
    void anUnreadableFileIsAFindingAndTheOthersAreStillLinted() throws IOException {
        workflow("ci.yml", BROKEN);
        Path unreadable = dir.resolve(".github/workflows/secret.yml");
        Path mem = Path.of("/proc/self/mem");
        if (Files.isReadable(mem)) {
            // root reads any file: the process's own memory at offset 0 fails with EIO for everyone
            Files.createSymbolicLink(unreadable, mem);
        } else {
            Files.writeString(unreadable, CLEAN);
            Assumptions.assumeTrue(
                    unreadable.toFile().setReadable(false, false) && !Files.isReadable(unreadable),
                    "cannot make a file unreadable here");
        }
        assertThat(run()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString())
                .containsPattern(
                        "(?m)^\\.github/workflows/secret\\.yml:1:1: error: cannot read the file \\(.+\\); "
                                + "make it readable to lint it \\[syntax-check\\]$")
                .contains(
                        ".github/workflows/ci.yml:5:12: error: job \"build\" needs job \"missing\"");
        assertThat(err.toString()).doesNotContain("internal error");
    }

    @Test
    void fixPinsTheMajorTagsPeopleWriteAndNamesPinForAnUnknownOne() throws IOException {
        workflow(
                "ci.yml",
                """
                on: push
                permissions: {}
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    timeout-minutes: 5
                    steps:
                      - uses: actions/checkout@v4
                        with:
                          persist-credentials: false
                      - uses: actions/cache@v4
                        with: {path: ~/.m2, key: m2}
                      - uses: actions/setup-node@v5
                      - uses: docker/build-push-action@v6
                      - uses: actions/checkout@v1
                        with:
                          persist-credentials: false
                """);
        assertThat(run("--fix")).isEqualTo(ExitCodes.FINDINGS);
        String fixed = Files.readString(dir.resolve(".github/workflows/ci.yml"));
        assertThat(fixed)
                .contains(
                        "- uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n",
                        "- uses: actions/cache@0057852bfaa89a56745cba8c7296529d2fc39830 # v4.3.0\n",
                        "- uses: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0\n",
                        "- uses: docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83 # v6.18.0\n",
                        "- uses: actions/checkout@v1\n");
        assertThat(out.toString())
                .contains(
                        "\"actions/checkout@v1\" uses the tag or branch \"v1\", which can be moved to "
                                + "other code; the action lock has no commit for it: run \"pipewright pin actions/checkout@v1\" to record "
                                + "one, then \"pipewright lint --fix\" pins it [unpinned-uses]");
    }

    /**
     * Every SHA of the bundled lock is cited with its evidence in catalog/SOURCES.md: none is typed
     * in.
     */
    @Test
    void everyLockedShaHasItsEvidenceInTheSources() throws IOException {
        Path repo = Path.of(System.getProperty("pipewright.root"));
        String sources = Files.readString(repo.resolve("catalog/SOURCES.md"));
        for (String line : Files.readAllLines(repo.resolve("catalog/actions.lock"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split(": ");
            assertThat(sources)
                    .as("evidence row of %s", kv[0])
                    .contains("| " + kv[0] + " | `" + kv[1] + "` |");
        }
    }
}
