package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.audit.Audit;
import dev.pipewright.lint.audit.SecurityAudits;
import dev.pipewright.lint.fix.FixApplier;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each fix a rule proposes, as {@code --fix} applies it: whole expected texts and change lines. The
 * fixture project's lock pins {@code acme/deploy@v2.1.0}.
 */
class FixApplierTest {
    private static final String SHA = "2222222222222222222222222222222222222222";

    private static FixApplier.Result fix(String text) {
        return new FixApplier(LintConfig.empty())
                .fix("w.yml", text, Linter.Kind.WORKFLOW, FixturesTest.PROJECT);
    }

    private static List<String> changes(FixApplier.Result r) {
        return r.changes().stream()
                .map(c -> c.line() + " " + c.rule() + ": " + c.description())
                .toList();
    }

    @Test
    void positivePinKeepsTheQuotingAndReplacesTheVersionComment() {
        FixApplier.Result r =
                fix(
                        """
                on: push
                permissions: {}
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: "acme/deploy@v2.1.0"   # v2
                """);

        assertThat(r.text())
                .isEqualTo(
                        """
                on: push
                permissions: {}
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: "acme/deploy@%s" # v2.1.0
                """
                                .formatted(SHA));
        assertThat(changes(r))
                .containsExactly(
                        "7 unpinned-uses: pinned acme/deploy@v2.1.0 to " + SHA + " # v2.1.0");
    }

    @Test
    void negativePinLeavesALineWhoseCommentItWouldLose() {
        String text =
                """
                on: push
                permissions: {}
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: acme/deploy@v2.1.0 # staging only, see RUNBOOK.md
                """;

        assertThat(fix(text).changed()).isFalse();
        List<Finding> findings =
                new Linter(LintConfig.empty())
                        .lintSource("w.yml", text, Linter.Kind.WORKFLOW, FixturesTest.PROJECT);
        assertThat(findings)
                .filteredOn(f -> f.rule().equals("unpinned-uses"))
                .singleElement()
                .extracting(Finding::fix)
                .as("reported, without a fix")
                .isNull();
    }

    @Test
    void positivePermissionsBlockIsAddedOnceForEveryJob() {
        FixApplier.Result r =
                fix(
                        """
                on: push
                # the build
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                        with:
                          persist-credentials: false
                  b:
                    runs-on: ubuntu-latest
                    steps:
                      - run: make test
                """);

        assertThat(r.text())
                .startsWith(
                        """
                on: push
                # the build
                permissions:
                  contents: read
                jobs:
                  a:
                """);
        assertThat(changes(r))
                .containsExactly(
                        "3 excessive-permissions: added \"permissions: contents: read\" at the top of"
                                + " the workflow");
    }

    @Test
    void negativePermissionsAreLeftToTheAuthorWhenAJobMayWrite() {
        FixApplier.Result r =
                fix(
                        """
                on: push
                jobs:
                  release:
                    runs-on: ubuntu-latest
                    steps:
                      - run: git push origin HEAD:release
                """);

        assertThat(r.changed()).isFalse();
    }

    @Test
    void positiveCheckoutsStopPersistingTheTokenWhenALaterUploadCanPublishIt() {
        FixApplier.Result r =
                fix(
                        """
                on: push
                permissions: {}
                jobs:
                  label:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                        with:
                          path: other
                      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
                        with:
                          path: .
                """);

        assertThat(r.text())
                .isEqualTo(
                        """
                on: push
                permissions: {}
                jobs:
                  label:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                        with:
                          persist-credentials: false
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                        with:
                          persist-credentials: false
                          path: other
                      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
                        with:
                          path: .
                """);
        assertThat(changes(r))
                .containsExactly(
                        "8 artipacked: added \"persist-credentials: false\" to actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
                        "12 artipacked: added \"persist-credentials: false\" to actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683");
    }

    @Test
    void negativeWithoutAnUploadThePersistedTokenIsLeftToTheAuthor() {
        // A later step may push with the token; only an upload that can publish the checkout is
        // repaired.
        FixApplier.Result r =
                fix(
                        """
                on: pull_request_target
                permissions: {}
                jobs:
                  label:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                """);

        assertThat(r.changed()).isFalse();
    }

    @Test
    void positiveInjectionMovesToTheStepsEnvAsOneFix() {
        FixApplier.Result r =
                fix(
                        """
                on: issues
                permissions: {}
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          echo "${{ github.event.issue.title }}"
                          echo '${{ github.event.issue.title }}'
                """);

        assertThat(r.text())
                .isEqualTo(
                        """
                on: issues
                permissions: {}
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          echo "${ISSUE_TITLE}"
                          echo ''"${ISSUE_TITLE}"''
                        env:
                          ISSUE_TITLE: ${{ github.event.issue.title }}
                """);
        assertThat(changes(r))
                .containsExactly(
                        "8 template-injection: moved ${{ github.event.issue.title }} out of the run script into env ISSUE_TITLE",
                        "9 template-injection: moved ${{ github.event.issue.title }} out of the run script into env ISSUE_TITLE",
                        "10 template-injection: added env ISSUE_TITLE to the step");
        assertThat(fix(r.text()).changed()).as("a second run").isFalse();
    }

    @Test
    void negativeInjectionInAnUnknownShellIsReportedWithoutAFix() {
        String text =
                """
                on: issues
                permissions: {}
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    steps:
                      - shell: python
                        run: print("${{ github.event.issue.title }}")
                """;

        assertThat(fix(text).changed()).isFalse();
        assertThat(
                        new Linter(LintConfig.empty())
                                .lintSource(
                                        "w.yml", text, Linter.Kind.WORKFLOW, FixturesTest.PROJECT))
                .filteredOn(f -> f.rule().equals("template-injection"))
                .singleElement()
                .extracting(Finding::fix)
                .isNull();
    }

    @Test
    void negativeASuppressedFindingIsNotFixed() {
        String text =
                """
                on: push
                permissions: {}
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: acme/deploy@v2.1.0
                      # pipewright-lint ignore=unpinned-uses
                      - uses: acme/deploy@v2.1.0
                """;
        LintConfig byPath =
                LintConfig.empty()
                        .withIgnores(
                                List.of(LintConfig.Ignore.parse("unpinned-uses:legacy/*.yml")));

        assertThat(changes(fix(text)))
                .containsExactly(
                        "7 unpinned-uses: pinned acme/deploy@v2.1.0 to " + SHA + " # v2.1.0");
        assertThat(
                        new FixApplier(byPath)
                                .fix(
                                        "legacy/w.yml",
                                        text,
                                        Linter.Kind.WORKFLOW,
                                        FixturesTest.PROJECT)
                                .changed())
                .isFalse();
    }

    @Test
    void everyFixableAuditHasAPassAndOnlyThose() {
        List<String> fixable =
                SecurityAudits.all().stream()
                        .filter(r -> SecurityAudits.audit(r.id()).map(Audit::fixable).orElse(false))
                        .map(RuleInfo::id)
                        .sorted()
                        .collect(Collectors.toList());

        assertThat(FixApplier.RULES.stream().sorted().toList()).isEqualTo(fixable);
    }
}
