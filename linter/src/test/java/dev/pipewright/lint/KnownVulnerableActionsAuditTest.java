package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.fix.FixApplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * known-vulnerable-actions on one {@code uses:}: the level of its findings, and its fix as {@code
 * --fix} applies it (an exact tag upgraded within its major version).
 */
class KnownVulnerableActionsAuditTest {
    private static String workflow(String uses) {
        return """
                on: push
                permissions: {}
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: %s
                """
                .formatted(uses);
    }

    private static FixApplier.Result fix(String text) {
        return new FixApplier(LintConfig.empty())
                .fix("w.yml", text, Linter.Kind.WORKFLOW, FixturesTest.PROJECT);
    }

    private static List<Finding> findings(String text) {
        return new Linter(LintConfig.empty())
                .lintSource("w.yml", text, Linter.Kind.WORKFLOW, FixturesTest.PROJECT).stream()
                        .filter(f -> f.rule().equals("known-vulnerable-actions"))
                        .toList();
    }

    private static List<String> upgrades(FixApplier.Result r) {
        return r.changes().stream()
                .filter(c -> c.rule().equals("known-vulnerable-actions"))
                .map(c -> c.line() + " " + c.description())
                .toList();
    }

    @Test
    void positiveTheLevelFollowsTheAdvisorysSeverityAsZizmorMapsIt() {
        assertThat(findings(workflow("Azure/setup-kubectl@v2")))
                .extracting(Finding::severity)
                .containsExactly(Severity.NOTE);
        assertThat(findings(workflow("step-security/harden-runner@v2.11.0")))
                .extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
        assertThat(findings(workflow("tj-actions/branch-names@v8")))
                .extracting(Finding::severity)
                .as("critical is high for zizmor")
                .containsExactly(Severity.ERROR);
    }

    @Test
    void positiveAnExactTagIsUpgradedToTheFixedReleaseOfItsMajor() {
        FixApplier.Result r =
                fix(workflow("actions/download-artifact@v4.1.2 # download the build"));

        assertThat(upgrades(r))
                .containsExactly("7 upgraded actions/download-artifact@v4.1.2 to v4.1.7");
        assertThat(r.text()).contains("actions/download-artifact@").doesNotContain("v4.1.2");
        assertThat(findings(r.text())).as("the fixed text has no finding").isEmpty();
        assertThat(findings(workflow("actions/download-artifact@v4.1.2")).get(0).message())
                .endsWith("upgrade to 4.1.7 or later (pipewright lint --fix writes @v4.1.7)");
    }

    @Test
    void positiveATagWithoutVGetsAFixWithoutV() {
        FixApplier.Result r = fix(workflow("rlespinasse/github-slug-action@4.0.1"));

        assertThat(upgrades(r))
                .containsExactly("7 upgraded rlespinasse/github-slug-action@4.0.1 to 4.4.1");
    }

    @Test
    void negativeAFixInAnotherMajorVersionIsLeftToTheAuthor() {
        String text = workflow("tj-actions/changed-files@v45.0.7");

        assertThat(upgrades(fix(text))).isEmpty();
        assertThat(findings(text))
                .singleElement()
                .extracting(Finding::fix)
                .as("reported, without a fix")
                .isNull();
    }

    @Test
    void negativeTheFirstFixOfOneAdvisoryIsNotProposedWhenAnotherStillCoversIt() {
        // 7.0.7 fixes GHSA-8v8w-v8xg-79rf, but GHSA-gq52-6phf-x2r6 covers every release before
        // 9.0.0
        String text = workflow("tj-actions/branch-names@v7.0.6");

        assertThat(findings(text))
                .extracting(
                        f ->
                                f.message()
                                        .substring(
                                                f.message().indexOf("GHSA-"),
                                                f.message().indexOf(" (")))
                .containsExactly("GHSA-8v8w-v8xg-79rf", "GHSA-gq52-6phf-x2r6");
        assertThat(findings(text)).allSatisfy(f -> assertThat(f.fix()).isNull());
    }

    @Test
    void negativeAShaPinIsReportedWithoutAFix() {
        String text =
                workflow(
                        "actions/download-artifact@eaceaf801fd36c7dee90939fad912460b18a1ffe # v4.1.2");

        assertThat(upgrades(fix(text))).isEmpty();
        assertThat(findings(text)).singleElement().extracting(Finding::fix).isNull();
    }

    @Test
    void positiveTheActionLockResolvesAShaBeforeItsComment(@TempDir Path project)
            throws IOException {
        // the commit of tj-actions/changed-files v40.2.3, after github/codeql's
        // vulnerable_actions.yml
        String sha = "56284d80811fb5963a972b438f2870f175e5b7c8";
        Files.createDirectories(project.resolve(".github"));
        Files.writeString(
                project.resolve(".github/pipewright.lock.yml"),
                "tj-actions/changed-files@v40.2.3: " + sha + "\n");

        for (String uses :
                List.of(
                        "tj-actions/changed-files@" + sha,
                        "tj-actions/changed-files@" + sha + " # v46.0.1")) {
            List<Finding> found =
                    new Linter(LintConfig.empty())
                                    .lintSource(
                                            "w.yml", workflow(uses), Linter.Kind.WORKFLOW, project)
                                    .stream()
                                    .filter(f -> f.rule().equals("known-vulnerable-actions"))
                                    .toList();
            assertThat(found)
                    .as(uses)
                    .hasSize(2)
                    .allSatisfy(
                            f ->
                                    assertThat(f.message())
                                            .startsWith(
                                                    "\"tj-actions/changed-files@56284d80811f…\" (40.2.3 by the action lock)"));
        }
        assertThat(findings(workflow("tj-actions/changed-files@" + sha)))
                .as("not in the fixtures' lock: no version")
                .isEmpty();
    }
}
