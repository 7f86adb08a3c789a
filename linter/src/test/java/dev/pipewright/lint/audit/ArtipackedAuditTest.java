package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** zizmor's severities: medium, high with a leaking upload, one step lower from checkout v6 on. */
class ArtipackedAuditTest {
    private static List<Severity> severities(String checkoutVersion, String uploadPath) {
        String wf =
                """
                on: push
                permissions: {}
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@%s
                      - uses: actions/upload-artifact@v4
                        with:
                          name: out
                          path: %s
                """
                        .formatted(checkoutVersion, uploadPath);
        List<Finding> findings =
                new Linter(LintConfig.empty()).lintSource("ci.yml", wf, Linter.Kind.WORKFLOW, null);
        return findings.stream()
                .filter(f -> f.rule().equals("artipacked"))
                .map(Finding::severity)
                .toList();
    }

    @Test
    void beforeV6AWorkspaceUploadIsAnErrorAndACheckoutAloneAWarning() {
        assertThat(severities("v4.2.2", ".")).containsExactly(Severity.ERROR);
        assertThat(severities("v4", "${{ github.workspace }}")).containsExactly(Severity.ERROR);
        assertThat(severities("v4.2.2", "dist/app.tar.gz")).containsExactly(Severity.WARNING);
    }

    @Test
    void fromV6TheTokenLeavesTheTreeAndEachFindingIsOneLevelLower() {
        assertThat(severities("v6", ".")).containsExactly(Severity.WARNING);
        assertThat(severities("v6.0.1", "dist/app.tar.gz")).containsExactly(Severity.NOTE);
    }

    @Test
    void anUnknownVersionCountsAsBeforeV6AsZizmorOffline() {
        assertThat(severities("main", "./")).containsExactly(Severity.ERROR);
    }

    @Test
    void aPinnedCommitIsTheReleaseTheLockNamesNotTheOneItsCommentClaims() {
        // the bundled lock maps 11bd7190… to checkout v4.2.2: before v6, whatever the comment says
        String v422 = "11bd71901bbe5b1630ceea73d27597364c9af683";
        assertThat(severities(v422 + " # v6.1.0", ".")).containsExactly(Severity.ERROR);
        // an unlocked commit has only its comment to go by
        String unlocked = "0123456789abcdef0123456789abcdef01234567";
        assertThat(severities(unlocked + " # v6.1.0", ".")).containsExactly(Severity.WARNING);
    }
}
