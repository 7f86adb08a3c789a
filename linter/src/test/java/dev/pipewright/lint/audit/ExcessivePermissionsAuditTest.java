package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** zizmor's severities for base permissions and workflow-level write scopes. */
class ExcessivePermissionsAuditTest {
    private static List<Severity> severities(String permissions) {
        String wf =
                """
                on: push
                permissions: %s
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: make a
                  b:
                    runs-on: ubuntu-latest
                    steps:
                      - run: make b
                """
                        .formatted(permissions);
        List<Finding> findings =
                new Linter(LintConfig.empty()).lintSource("ci.yml", wf, Linter.Kind.WORKFLOW, null);
        return findings.stream()
                .filter(f -> f.rule().equals("excessive-permissions"))
                .map(Finding::severity)
                .toList();
    }

    @Test
    void writeAllIsHighAndReadAllMedium() {
        assertThat(severities("write-all")).containsExactly(Severity.ERROR);
        assertThat(severities("read-all")).containsExactly(Severity.WARNING);
    }

    @Test
    void workflowLevelWriteScopesAreRatedByScope() {
        assertThat(severities("{contents: write}")).containsExactly(Severity.ERROR);
        assertThat(severities("{checks: write}")).containsExactly(Severity.WARNING);
        assertThat(severities("{statuses: write}")).containsExactly(Severity.NOTE);
        assertThat(severities("{contents: read}")).isEmpty();
    }
}
