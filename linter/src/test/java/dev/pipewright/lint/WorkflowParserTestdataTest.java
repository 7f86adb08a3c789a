package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.lint.rule.BuiltInRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the correctness rules over GitHub's own workflow parser test cases (test resources {@code
 * workflow-parser-testdata/reader}, see its README): a workflow GitHub's parser accepts gets no
 * error, and a workflow it rejects at a line of its own gets an error on that line. {@code
 * bench/workflow-parser-testdata.py} measures the same through the command line and lists the
 * differences in {@code bench/workflow-parser-testdata.md}.
 */
class WorkflowParserTestdataTest {
    static final Path DIR =
            TestFiles.repoRoot()
                    .resolve("linter/src/test/resources/workflow-parser-testdata/reader");

    /**
     * Valid cases that keep an error, and why: GitHub's parser accepts each file, but the workflow
     * fails later on GitHub, when it is triggered or run. Each entry must still get an error (the
     * list is checked for staleness).
     */
    static final Map<String, Set<String>> KNOWN_ERRORS_ON_VALID =
            Map.of(
                    // "wait", "wait-all" and "cancel" steps exist only behind the parser's
                    // allowBackgroundSteps feature flag,
                    // which this case turns on and GitHub has not released
                    "background-steps.yml", Set.of("syntax-check"),
                    // a job asking for "self-hosted" and "macos-latest", or for "linux" and
                    // "macos-latest", gets no runner; and
                    // its "if: false || ${{ true && true }}" is the non-empty string "false ||
                    // true", so the job always runs
                    "escape-html-values.yml", Set.of("runner-label", "if-cond"),
                    // both "branches" and "branches-ignore" (paths, tags) on one event: GitHub
                    // refuses the workflow when the
                    // event fires (the case is not run by GitHub's server-side parser, only by the
                    // TypeScript one)
                    "events-mapping-all.yml", Set.of("events"),
                    // "windows-2019" is a retired GitHub-hosted image: the job waits for a runner
                    // until it times out
                    "job-basic.yml", Set.of("runner-label"),
                    "workflow-env.yml", Set.of("runner-label"),
                    // shell "cmd" for steps of a job that runs on Linux: the step fails to start
                    "job-defaults.yml", Set.of("shell-name"),
                    "workflow-defaults.yml", Set.of("shell-name"));

    /**
     * Error cases where an error is reported on one of the lines GitHub's parser reports; must not
     * drop. Three cases GitHub reports at the first key of a mapping that lacks a required key
     * (errors-job-runs-on-missing, errors-on-workflow_call-output,
     * errors-required-property-missing) are reported, as actionlint reports them, at the key
     * holding that mapping, one line up.
     */
    static final int ERROR_CASES_HIT = 65;

    private static final Pattern SEPARATOR = Pattern.compile("\\r?\\n---\\r?\\n");

    /**
     * One test case: its file name, workflow text, the lines GitHub reports errors at in that
     * workflow, the called workflows of other repositories it supplies (reference to text), and the
     * repository's default token permissions its options set (null when they set none).
     */
    record Case(
            String name,
            String workflow,
            boolean valid,
            Set<Integer> errorLines,
            Map<String, String> called,
            LintConfig.DefaultTokenPermissions defaultPermissions) {}

    private static List<Case> cases;
    private static Map<String, List<Finding>> errors;

    @BeforeAll
    static void lintAll(@TempDir Path tmp) throws IOException {
        cases = read();
        List<RuleInfo> rules =
                BuiltInRules.all().stream()
                        .filter(
                                r ->
                                        !r.category().equals("security")
                                                && !TestLinting.EXTERNAL.containsKey(r.id()))
                        .toList();
        errors = new TreeMap<>();
        for (Case c : cases) {
            LintConfig config = config(c, tmp.resolve(c.name().replaceFirst("\\.yml$", "")));
            errors.put(
                    c.name(),
                    new Linter(config, rules)
                                    .lintSource(
                                            ".github/workflows/" + c.name(),
                                            c.workflow(),
                                            Linter.Kind.WORKFLOW,
                                            null)
                                    .stream()
                                    .filter(f -> f.severity() == Severity.ERROR)
                                    // GitHub's parser reads the file, not the releases of the
                                    // actions it names: many cases use checkout@v3, which runs on
                                    // node16 and which the runner, not the parser, refuses
                                    .toList());
        }
    }

    /**
     * The configuration a case's options and documents amount to: each supplied called workflow
     * written to a file under {@code dir} and named in {@code reusable-workflows}, and the default
     * token permissions of its {@code permissions-policy} ({@code LimitedRead} is GitHub's
     * restricted setting, {@code Write} the permissive one).
     */
    static LintConfig config(Case c, Path dir) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        int i = 0;
        for (Map.Entry<String, String> e : c.called().entrySet()) {
            Files.createDirectories(dir);
            Path f = dir.resolve("called-" + i++ + ".yml");
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            files.put(e.getKey(), f);
        }
        return LintConfig.empty()
                .withReusableWorkflows(files)
                .withDefaultTokenPermissions(c.defaultPermissions());
    }

    static List<Case> read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                String name = f.getFileName().toString();
                String[] docs = SEPARATOR.split(Files.readString(f, StandardCharsets.UTF_8), -1);
                JsonNode expected = json.readTree(docs[docs.length - 1]);
                JsonNode errs = expected.path("errors");
                Pattern at =
                        Pattern.compile(
                                "^\\.github/workflows/"
                                        + Pattern.quote(name)
                                        + " \\(Line: (\\d+), Col: \\d+\\)");
                Set<Integer> lines = new TreeSet<>();
                for (JsonNode e : errs) {
                    Matcher m = at.matcher(e.path("Message").asText());
                    if (m.find()) {
                        lines.add(Integer.parseInt(m.group(1)));
                    }
                }
                // as GitHub's own runner of these cases does: pairs of reference and text between
                // the workflow and
                // the result, in the cases about reusable workflows
                Map<String, String> called = new TreeMap<>();
                for (int i = 2; name.contains("reusable") && i + 1 < docs.length - 1; i += 2) {
                    called.put(docs[i].strip(), docs[i + 1]);
                }
                Matcher policy =
                        Pattern.compile("(?m)^permissions-policy: *(\\S+)").matcher(docs[0]);
                LintConfig.DefaultTokenPermissions defaults =
                        !policy.find()
                                ? null
                                : switch (policy.group(1)) {
                                    case "LimitedRead" ->
                                            LintConfig.DefaultTokenPermissions.RESTRICTED;
                                    case "Write" -> LintConfig.DefaultTokenPermissions.PERMISSIVE;
                                    default ->
                                            throw new IllegalStateException(
                                                    name
                                                            + ": unknown permissions-policy "
                                                            + policy.group(1));
                                };
                out.add(new Case(name, docs[1], errs.isEmpty(), lines, called, defaults));
            }
        }
        return out;
    }

    @Test
    void readsGitHubsCases() {
        assertThat(cases).hasSizeGreaterThan(150);
        assertThat(cases.stream().filter(Case::valid)).hasSizeGreaterThan(100);
    }

    @Test
    void validCasesGetNoErrorBeyondTheKnownOnes() {
        Map<String, Set<String>> unexpected = new TreeMap<>();
        for (Case c : cases) {
            if (!c.valid()) {
                continue;
            }
            Set<String> rules = new TreeSet<>();
            for (Finding f : errors.get(c.name())) {
                if (!KNOWN_ERRORS_ON_VALID.getOrDefault(c.name(), Set.of()).contains(f.rule())) {
                    rules.add(f.line() + ":" + f.column() + " [" + f.rule() + "] " + f.message());
                }
            }
            if (!rules.isEmpty()) {
                unexpected.put(c.name(), rules);
            }
        }
        assertThat(unexpected).as("errors on workflows GitHub's parser accepts").isEmpty();
    }

    @Test
    void knownErrorsOnValidCasesAreNotStale() {
        Set<String> valid = new TreeSet<>();
        cases.stream().filter(Case::valid).forEach(c -> valid.add(c.name()));
        KNOWN_ERRORS_ON_VALID.forEach(
                (name, rules) -> {
                    assertThat(valid).as("known case").contains(name);
                    Set<String> got = new TreeSet<>();
                    errors.get(name).forEach(f -> got.add(f.rule()));
                    assertThat(got)
                            .as(
                                    "rules with errors in %s: drop the others from KNOWN_ERRORS_ON_VALID",
                                    name)
                            .containsAll(rules);
                });
    }

    @Test
    void errorCasesAreReportedAtGitHubsLine() {
        List<String> hit = new ArrayList<>();
        for (Case c : cases) {
            if (!c.errorLines().isEmpty()
                    && errors.get(c.name()).stream()
                            .anyMatch(f -> c.errorLines().contains(f.line()))) {
                hit.add(c.name());
            }
        }
        assertThat(hit)
                .as("error cases with an error at one of GitHub's lines")
                .hasSizeGreaterThanOrEqualTo(ERROR_CASES_HIT);
    }

    /**
     * GitHub reports a nested job asking for more than the job calling it in the called workflow's
     * file; the call from the linted workflow is what fails, and we report it there.
     */
    @Test
    void nestedCallsAskingForMorePermissionsAreReported() {
        List<String> nested =
                cases.stream()
                        .map(Case::name)
                        .filter(
                                n ->
                                        n.startsWith(
                                                "errors-reusable-workflow-job-nested-permissions"))
                        .toList();
        assertThat(nested).hasSize(4);
        for (String name : nested) {
            assertThat(errors.get(name))
                    .as(name)
                    .anySatisfy(
                            f -> {
                                assertThat(f.rule()).isEqualTo("workflow-call");
                                assertThat(f.message())
                                        .contains("called by job \"deploy-level-1\"");
                            });
        }
    }
}
