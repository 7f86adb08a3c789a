package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Schedule;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.model.validation.WorkflowValidationException;
import dev.pipewright.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of GitHub's rules fed to both sides: the generator's validation (a workflow built in
 * code) and the linter (the same workflow as YAML) must give the same verdict, and it must be
 * GitHub's (its parser, where it can run). The rows include the four places where the two copies
 * once disagreed: nesting depth, case(), a format() placeholder past any int, and cron day-of-week
 * 7.
 */
class SharedVerdictTest {
    /**
     * An expression, whether GitHub accepts it, and whether GitHub's parser alone decides (else: at
     * run time).
     */
    private record ExprCase(String text, boolean accepted, boolean parserDecides) {}

    private static final List<ExprCase> EXPRESSIONS =
            List.of(
                    new ExprCase("github.ref == 'main'", true, true),
                    new ExprCase("!".repeat(49) + "true", true, true),
                    new ExprCase("!".repeat(50) + "true", false, true),
                    // the top, 48 groups and ".ref" make 50 levels
                    new ExprCase("(".repeat(48) + "github.ref" + ")".repeat(48), true, true),
                    new ExprCase("(".repeat(49) + "github.ref" + ")".repeat(49), false, true),
                    new ExprCase("github" + ".a".repeat(49), true, true),
                    new ExprCase("github" + ".a".repeat(50), false, true),
                    new ExprCase(
                            "case(github.ref == 'refs/heads/main', 'prod', 'dev')", true, true),
                    new ExprCase("CASE(github.ref == 'a', 1, github.ref == 'b', 2, 3)", true, true),
                    new ExprCase("case(github.ref == 'a', 1)", false, true),
                    new ExprCase("case(github.ref == 'a', 1, 2, 3)", false, true),
                    new ExprCase("format('{0}', github.ref)", true, true),
                    new ExprCase("format('{99999999999}', github.ref)", false, false),
                    new ExprCase("format('{1}', github.ref)", false, false),
                    new ExprCase("format('a}b', github.ref)", false, false),
                    new ExprCase("nosuch(github.ref)", false, true),
                    new ExprCase("contains(github.ref)", false, true),
                    new ExprCase("github.ref ==", false, true),
                    new ExprCase("github.ref = 'x'", false, true),
                    new ExprCase("0x1F == github.run_number", true, true),
                    new ExprCase("-0x1F == github.run_number", false, true),
                    new ExprCase("1[0]", false, true),
                    new ExprCase("toJSON(github)[0]", true, true),
                    new ExprCase("github.event.*.id", true, true));

    /** A cron expression and whether GitHub accepts it. */
    private record CronCase(String cron, boolean accepted) {}

    private static final List<CronCase> CRONS =
            List.of(
                    new CronCase("0 0 * * 0", true),
                    new CronCase("0 0 * * 7", false),
                    new CronCase("0 0 * * 5-7", false),
                    new CronCase("0 0 * * SUN", true),
                    new CronCase("30 5 * * 1-5", true),
                    new CronCase("0 25 * * *", false),
                    new CronCase("0 0 0 * *", false),
                    new CronCase("0 0 * 13 *", false),
                    new CronCase("*/15 * * * *", true),
                    new CronCase("*/0 * * * *", false),
                    new CronCase("0 0 * *", false),
                    new CronCase("10-5 * * * *", false));

    /**
     * Where an expression sits in a job, the expression, and whether GitHub's schema lists its
     * context there.
     */
    private record ContextCase(String key, String text, boolean accepted) {}

    /**
     * Both sides read the availability table generated from GitHub's workflow schema ({@code
     * ContextAvailability}): a job's env is {@code job-env}, a job's outputs {@code
     * string-runner-context}.
     */
    private static final List<ContextCase> CONTEXTS =
            List.of(
                    new ContextCase("env", "secrets.TOKEN", true),
                    new ContextCase("env", "matrix.os", true),
                    new ContextCase("env", "runner.os", false),
                    new ContextCase("env", "env.OTHER", false),
                    new ContextCase("env", "jobs.other.result", false),
                    new ContextCase("outputs", "runner.os", true),
                    new ContextCase("outputs", "secrets.TOKEN", true),
                    new ContextCase("outputs", "jobs.other.result", false));

    private static final Linter LINTER = new Linter(LintConfig.empty());

    static Stream<Arguments> contexts() {
        return CONTEXTS.stream().map(c -> Arguments.of(c.key(), c.text(), c.accepted()));
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void generatorAndLinterAgreeOnContextAvailability(String key, String text, boolean accepted) {
        String value = "${{ " + text + " }}";
        NormalJob.Builder job =
                NormalJob.builder("build")
                        .runsOn("ubuntu-latest")
                        .step(Step.run("echo hi").build());
        Workflow.Builder built =
                Workflow.builder("ci.yml")
                        .on(Trigger.push())
                        .jobs(
                                List.of(
                                        (key.equals("env")
                                                        ? job.env("X", value)
                                                        : job.output("X", value))
                                                .build()));
        boolean generatorAccepts = accepts(built, "context is not available");
        String yaml =
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    "
                        + key
                        + ":\n      X: \""
                        + value
                        + "\"\n    steps:\n      - run: echo hi\n";
        boolean linterAccepts =
                LINTER.lintSource("ci.yml", yaml, Linter.Kind.WORKFLOW, null).stream()
                        .noneMatch(
                                f ->
                                        f.rule().equals("expression")
                                                && f.severity() == Severity.ERROR);
        assertThat(List.of(generatorAccepts, linterAccepts))
                .as("generator, linter on %s: %s", key, text)
                .containsExactly(accepted, accepted);
    }

    static Stream<Arguments> expressions() {
        return EXPRESSIONS.stream().map(c -> Arguments.of(c.text(), c.accepted()));
    }

    static Stream<Arguments> crons() {
        return CRONS.stream().map(c -> Arguments.of(c.cron(), c.accepted()));
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void generatorAndLinterAgreeOnExpressions(String text, boolean accepted) {
        String value = "${{ " + text + " }}";
        Workflow.Builder built =
                Workflow.builder("ci.yml")
                        .on(Trigger.push())
                        .jobs(
                                List.of(
                                        NormalJob.builder("build")
                                                .runsOn("ubuntu-latest")
                                                .env("X", value)
                                                .step(Step.run("echo hi").build())
                                                .build()));
        boolean generatorAccepts = accepts(built, "malformed expression");
        String yaml =
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      X: \""
                        + value
                        + "\"\n"
                        + "    steps:\n      - run: echo hi\n";
        boolean linterAccepts =
                LINTER.lintSource("ci.yml", yaml, Linter.Kind.WORKFLOW, null).stream()
                        .noneMatch(
                                f ->
                                        f.rule().equals("expression")
                                                && f.severity() == Severity.ERROR);
        assertThat(List.of(generatorAccepts, linterAccepts))
                .as("generator, linter on %s", text)
                .containsExactly(accepted, accepted);
    }

    @ParameterizedTest
    @MethodSource("crons")
    void generatorAndLinterAgreeOnCron(String cron, boolean accepted) {
        Workflow.Builder built =
                Workflow.builder("ci.yml")
                        .on(Schedule.of(cron))
                        .jobs(
                                List.of(
                                        NormalJob.builder("build")
                                                .runsOn("ubuntu-latest")
                                                .step(Step.run("echo hi").build())
                                                .build()));
        boolean generatorAccepts = accepts(built, "cron");
        boolean linterAccepts =
                LINTER.lintSource("ci.yml", cronWorkflow(cron), Linter.Kind.WORKFLOW, null).stream()
                        .noneMatch(
                                f -> f.rule().equals("events") && f.severity() == Severity.ERROR);
        assertThat(List.of(generatorAccepts, linterAccepts))
                .as("generator, linter on %s", cron)
                .containsExactly(accepted, accepted);
    }

    @Test
    void theTableIsGitHubsParsersVerdict() {
        List<ExprCase> decided = EXPRESSIONS.stream().filter(ExprCase::parserDecides).toList();
        List<String> errors =
                Oracles.parseExpressions(decided.stream().map(ExprCase::text).toList());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            if (!decided.get(i).accepted()) {
                expected.add("expression #" + i + " `" + decided.get(i).text() + "`");
            }
        }
        assertThat(errors.stream().map(e -> e.substring(0, e.indexOf("`:") + 1)).toList())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theCronRowsAreGitHubsWorkflowParsersVerdict(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < CRONS.size(); i++) {
            Path file = dir.resolve("cron" + i + ".yml");
            Files.writeString(file, cronWorkflow(CRONS.get(i).cron()));
            files.add(file);
        }
        List<Oracles.Finding> findings = Oracles.workflowParser(files.toArray(Path[]::new));
        for (int i = 0; i < CRONS.size(); i++) {
            String name = "cron" + i + ".yml";
            boolean refused =
                    findings.stream()
                            .anyMatch(f -> f.file().endsWith(name) && f.message().contains("cron"));
            assertThat(!refused)
                    .as("GitHub's verdict on %s", CRONS.get(i).cron())
                    .isEqualTo(CRONS.get(i).accepted());
        }
    }

    private static String cronWorkflow(String cron) {
        return "on:\n  schedule:\n    - cron: '"
                + cron
                + "'\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - run: echo hi\n";
    }

    private static boolean accepts(Workflow.Builder built, String about) {
        try {
            built.build();
            return true;
        } catch (WorkflowValidationException e) {
            assertThat(e.problems())
                    .as("problems other than %s", about)
                    .allSatisfy(p -> assertThat(p.message()).contains(about));
            return false;
        }
    }
}
