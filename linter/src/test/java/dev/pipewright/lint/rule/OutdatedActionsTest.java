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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Releases of popular actions on a retired runtime, on actionlint's own test data (test resources
 * {@code actionlint/outdated/}, see its README): the {@code action} rule reports exactly the lines
 * and columns actionlint does, and names the runtime and the fix.
 */
class OutdatedActionsTest {
    private static final Pattern EXPECTED =
            Pattern.compile("^[^:]*:(\\d+):(\\d+): the runner of \"([^\"]+)\" .*\\[action]$");

    private static List<Finding> lint(String text) {
        return new Linter(
                        LintConfig.empty(),
                        BuiltInRules.all().stream().filter(r -> r.id().equals("action")).toList())
                .lintSource("test.yaml", text, Linter.Kind.WORKFLOW, null);
    }

    @TestFactory
    Stream<DynamicTest> actionlintsTestDataIsReportedWhereActionlintReportsIt() throws Exception {
        Path dir =
                Path.of(
                                OutdatedActionsTest.class
                                        .getResource("/actionlint/outdated/README.md")
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
                                    List<String> expected = new ArrayList<>();
                                    for (String line :
                                            Files.readAllLines(out, StandardCharsets.UTF_8)) {
                                        Matcher m = EXPECTED.matcher(line);
                                        if (m.find()) {
                                            expected.add(
                                                    m.group(1)
                                                            + ":"
                                                            + m.group(2)
                                                            + " "
                                                            + m.group(3));
                                        }
                                    }
                                    assertThat(expected).isNotEmpty();
                                    List<Finding> findings =
                                            lint(Files.readString(f, StandardCharsets.UTF_8));
                                    assertThat(
                                                    findings.stream()
                                                            .map(
                                                                    x ->
                                                                            x.line()
                                                                                    + ":"
                                                                                    + x.column()
                                                                                    + " "
                                                                                    + quoted(
                                                                                            x
                                                                                                    .message()))
                                                            .toList())
                                            .containsExactlyElementsOf(expected);
                                    assertThat(findings)
                                            .allSatisfy(
                                                    x ->
                                                            // the runners run it on a newer
                                                            // Node.js: a warning, where
                                                            // actionlint says error
                                                            assertThat(x.severity())
                                                                    .isEqualTo(Severity.WARNING));
                                }));
            }
        }
        return tests.stream();
    }

    /** The first quoted name of a message: the {@code uses:} it reports. */
    private static String quoted(String message) {
        int start = message.indexOf('"');
        return message.substring(start + 1, message.indexOf('"', start + 1));
    }

    @Test
    void theMessageNamesTheRuntimeAndTheNewestRelease() {
        assertThat(lint(workflow("actions/checkout@v3")))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo(
                        "the runner of \"actions/checkout@v3\" action is too old to run on GitHub"
                                + " Actions: its v3 releases run on node16, which GitHub's"
                                + " runners no longer provide (they run it on a newer Node.js,"
                                + " where it may break); use actions/checkout@v7");
    }

    @Test
    void anExactTagAndAPinnedCommitRunAReleaseOfTheirMajorLine() {
        assertThat(lint(workflow("actions/checkout@v2.7.0")))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("\"actions/checkout@v2.7.0\"", "its v2 releases run on node12");
        // the bundled action lock maps f43a0e5f… to checkout v3.6.0
        assertThat(lint(workflow("actions/checkout@f43a0e5ff2bd294095638e18286ca9a3d1956744")))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("\"actions/checkout@f43a0e5ff2bd…\" (v3.6.0 by the action lock)")
                .contains("node16");
        assertThat(
                        lint(
                                workflow(
                                        "actions/checkout@0123456789abcdef0123456789abcdef01234567"
                                                + " # v3")))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("(v3 by its version comment)");
    }

    @Test
    void theLockOutweighsAVersionCommentThatClaimsAnOutdatedRelease() {
        // 11bd7190… is checkout v4.2.2 (node20) in the bundled lock, whatever the comment says
        assertThat(
                        lint(
                                workflow(
                                        "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"
                                                + " # v3.6.0")))
                .isEmpty();
    }

    @Test
    void currentReleasesBranchesAndOtherActionsAreNotReported() {
        assertThat(lint(workflow("actions/checkout@v5"))).isEmpty();
        assertThat(lint(workflow("actions/checkout@main"))).isEmpty();
        assertThat(lint(workflow("example/unknown@v1"))).isEmpty();
    }

    private static String workflow(String uses) {
        return """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: %s
                """
                .formatted(uses);
    }
}
