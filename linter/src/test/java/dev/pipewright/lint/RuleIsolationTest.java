package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.rule.BuiltInRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that throws costs its own findings on that file only: the other rules and the other files
 * are linted.
 */
class RuleIsolationTest {
    /**
     * Throws at the step that runs {@code boom}, as a rule with a bug would on an input nobody
     * thought of.
     */
    @Rule(id = "throws-on-boom", summary = "a rule with a bug", severity = Severity.ERROR)
    static final class ThrowsOnBoom extends LintRule {
        @Override
        public void visitStep(Workflow.Step step) {
            if (step.body().scalar("run").map(r -> r.value().contains("boom")).orElse(false)) {
                throw new NumberFormatException("For input string: \"99999999999\"");
            }
            report(step.body(), "seen");
        }
    }

    private static List<RuleInfo> rulesWithBuggyOne() {
        List<RuleInfo> rules = new ArrayList<>(BuiltInRules.all());
        rules.add(RuleInfo.of(ThrowsOnBoom.class, ThrowsOnBoom::new));
        return rules;
    }

    private static final String BOOM =
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                    + "      - run: echo boom\n      - run: echo ${{ github.event.issue.title }}\n";
    private static final String FINE =
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                    + "      - run: echo ${{ github.event.issue.title }}\n";

    @Test
    void positiveThrowingRuleIsAnInternalErrorNamingRuleAndFile(@TempDir Path dir)
            throws Exception {
        Path wf = Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(wf.resolve("a.yml"), BOOM, StandardCharsets.UTF_8);
        Files.writeString(wf.resolve("b.yml"), FINE, StandardCharsets.UTF_8);
        List<Finding> findings =
                new Linter(LintConfig.empty(), rulesWithBuggyOne()).lintPaths(List.of(dir), dir);

        List<Finding> internal =
                findings.stream().filter(f -> f.rule().equals(Linter.INTERNAL_ERROR)).toList();
        assertThat(internal).hasSize(1);
        assertThat(internal.get(0).file()).isEqualTo(".github/workflows/a.yml");
        assertThat(internal.get(0).message())
                .contains("rule throws-on-boom failed on this file")
                .contains("NumberFormatException");
        assertThat(Linter.hasInternalError(findings)).isTrue();
        // the other rules still ran on the same file: the injection in its second step is found
        assertThat(findings)
                .anyMatch(
                        f ->
                                f.file().equals(".github/workflows/a.yml")
                                        && f.line() == 7
                                        && !f.rule().equals(Linter.INTERNAL_ERROR)
                                        && !f.rule().equals("throws-on-boom"));
        // the buggy rule itself stops on that file (its state is not trusted) but still runs on the
        // other file
        assertThat(findings)
                .noneMatch(f -> f.file().endsWith("a.yml") && f.rule().equals("throws-on-boom"));
        assertThat(findings)
                .anyMatch(f -> f.file().endsWith("b.yml") && f.rule().equals("throws-on-boom"));
        // and the other file's findings are all there, the same as without the buggy rule
        List<Finding> alone =
                new Linter(LintConfig.empty()).lintPaths(List.of(wf.resolve("b.yml")), dir);
        assertThat(
                        findings.stream()
                                .filter(
                                        f ->
                                                f.file().endsWith("b.yml")
                                                        && !f.rule().equals("throws-on-boom")))
                .containsExactlyElementsOf(alone);
    }

    @Test
    void negativeNoInternalErrorWithoutABuggyRule() {
        List<Finding> findings =
                new Linter(LintConfig.empty())
                        .lintSource("a.yml", BOOM, Linter.Kind.WORKFLOW, null);
        assertThat(Linter.hasInternalError(findings)).isFalse();
    }
}
