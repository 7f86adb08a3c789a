package dev.pipewright.lint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The severities the fixtures' text does not show: misspellings are errors, names that extend a
 * hosted label warnings.
 */
class RunnerLabelRuleTest {
    private static List<Finding> lint(String label, LintConfig config) {
        String wf =
                "on: push\njobs:\n  a:\n    runs-on: "
                        + label
                        + "\n    steps:\n      - run: make\n";
        return new Linter(
                        config,
                        BuiltInRules.all().stream()
                                .filter(r -> r.id().equals("runner-label"))
                                .toList())
                .lintSource("w.yml", wf, Linter.Kind.WORKFLOW, null);
    }

    private static Severity severity(String label) {
        List<Finding> f = lint(label, LintConfig.empty());
        return f.isEmpty() ? null : f.get(0).severity();
    }

    @Test
    void misspellingsOfHostedLabelsAreErrors() {
        for (String typo :
                List.of(
                        "ubunut-latest",
                        "ubuntu-lastest",
                        "windows-latests",
                        "macos-14-larg",
                        "ubuntu-24.04-arn",
                        "ubuntulatest",
                        "Ubuntu-Lates")) {
            assertThat(severity(typo)).as(typo).isEqualTo(Severity.ERROR);
        }
    }

    @Test
    void hostedLabelsAndOwnNamesAreNotErrors() {
        for (String ok :
                List.of(
                        "macos-14-large",
                        "MacOS-Latest",
                        "ubuntu-slim",
                        "depot-ubuntu-24.04-4",
                        "macos-m1",
                        "namespace-profile-linux-small",
                        "ubuntu-latest-16-cores",
                        "blacksmith-4vcpu-ubuntu-2404",
                        "gpu")) {
            assertThat(lint(ok, LintConfig.empty())).as(ok).isEmpty();
        }
        // shaped like a hosted image (a newer one than the table may know) or extending a hosted
        // label: warnings
        for (String maybe :
                List.of("ubuntu-26.10", "macos-27", "ubuntu-latest-m", "ubuntu-24.04-arm64")) {
            assertThat(severity(maybe)).as(maybe).isEqualTo(Severity.WARNING);
        }
    }

    @Test
    void listedLabelsMakeEveryOtherUnknownLabelAnError() {
        LintConfig listed = new LintConfig(List.of("gpu-*"), null, List.of());
        assertThat(lint("[self-hosted, linux, arm64, GPU-a100]", listed)).isEmpty();
        assertThat(lint("ubuntu-latest-4-cores", listed)).isEmpty();
        assertThat(lint("depot-ubuntu-24.04-4", listed))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(lint("ubuntu-latest-m", listed))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        // an empty list is a list too: only GitHub's labels and the self-hosted defaults
        assertThat(lint("[self-hosted, gpu-a100]", new LintConfig(List.of(), null, List.of())))
                .hasSize(1);
    }
}
