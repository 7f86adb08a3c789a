package dev.pipewright.lint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The secrets context of a workflow run only by workflow_call that declares its secrets, on
 * actionlint's own test data (test resources {@code actionlint/secrets/}, see its README): findings
 * where actionlint reports them.
 */
class WorkflowCallSecretsTest {
    private static final Pattern POSITION = Pattern.compile("^/?[^:]*:(\\d+):(\\d+):");
    private static final Pattern PROPERTY =
            Pattern.compile("property \"([\\w-]+)\" is not defined");

    private static List<Finding> lint(String name, String text) {
        return new Linter(
                        LintConfig.empty(),
                        BuiltInRules.all().stream()
                                .filter(r -> r.id().equals("expression"))
                                .toList())
                .lintSource(name, text, Linter.Kind.WORKFLOW, null);
    }

    @TestFactory
    Stream<DynamicTest> actionlintsTestDataIsReportedWhereActionlintReportsIt() throws Exception {
        Path dir =
                Path.of(
                                WorkflowCallSecretsTest.class
                                        .getResource("/actionlint/secrets/README.md")
                                        .toURI())
                        .getParent();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                tests.add(
                        DynamicTest.dynamicTest(
                                f.getFileName().toString(),
                                () -> {
                                    Path out =
                                            f.resolveSibling(
                                                    f.getFileName()
                                                            .toString()
                                                            .replace(".yaml", ".out"));
                                    // actionlint points at the start of "secrets.name", Pipewright
                                    // at the name itself: the same line,
                                    // and the name actionlint's message quotes at Pipewright's
                                    // column
                                    List<String> expected = new ArrayList<>();
                                    if (Files.exists(out)) {
                                        for (String line :
                                                Files.readAllLines(out, StandardCharsets.UTF_8)) {
                                            Matcher m = POSITION.matcher(line);
                                            Matcher name = PROPERTY.matcher(line);
                                            if (m.find() && name.find()) {
                                                expected.add(m.group(1) + ":" + name.group(1));
                                            }
                                        }
                                    }
                                    List<String> source =
                                            Files.readAllLines(f, StandardCharsets.UTF_8);
                                    List<String> actual =
                                            lint("test.yaml", String.join("\n", source) + "\n")
                                                    .stream()
                                                    .map(
                                                            x ->
                                                                    x.line()
                                                                            + ":"
                                                                            + source.get(
                                                                                            x.line()
                                                                                                    - 1)
                                                                                    .substring(
                                                                                            x
                                                                                                            .column()
                                                                                                    - 1)
                                                                                    .replaceFirst(
                                                                                            "^([\\w-]+).*",
                                                                                            "$1")
                                                                                    .toLowerCase(
                                                                                            Locale
                                                                                                    .ROOT))
                                                    .toList();
                                    assertThat(actual)
                                            .as("expression findings of %s", f.getFileName())
                                            .containsExactlyElementsOf(expected);
                                }));
            }
        }
        return tests.stream();
    }

    private static final String CALLED =
            """
            on:
              workflow_call:
                secrets:
                  deploy_key:
                    required: true
            %s
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "${{ secrets.%s }}"
            """;

    private static List<Finding> secret(String otherTrigger, String name) {
        return lint("w.yml", CALLED.formatted(otherTrigger, name));
    }

    @Test
    void anUndeclaredSecretIsAnErrorNamingTheClosestDeclaredOne() {
        assertThat(secret("", "DEPLOY_KEYS"))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.severity()).isEqualTo(Severity.ERROR);
                            assertThat(f.message())
                                    .contains(
                                            "secret \"DEPLOY_KEYS\" is not declared",
                                            "did you mean \"deploy_key\"?");
                        });
    }

    @Test
    void declaredNamesMatchInAnyCaseAndCallersAlwaysPassTheTokenAndDebugSwitches() {
        for (String ok :
                List.of(
                        "deploy_key",
                        "DEPLOY_KEY",
                        "GITHUB_TOKEN",
                        "github_token",
                        "ACTIONS_STEP_DEBUG",
                        "ACTIONS_RUNNER_DEBUG")) {
            assertThat(secret("", ok)).as(ok).isEmpty();
        }
    }

    @Test
    void anotherTriggerOrNoDeclarationLeavesSecretsOpen() {
        // on push the repository's secrets are there (actionlint reports this too, its issue #701)
        assertThat(secret("  push:", "NPM_TOKEN")).isEmpty();
        assertThat(
                        lint(
                                "w.yml",
                                "on: workflow_call\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                                        + "      - run: echo \"${{ secrets.NPM_TOKEN }}\"\n"))
                .isEmpty();
    }
}
