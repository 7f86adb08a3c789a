package dev.pipewright.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Malformed specs and parser limits are located problems ({@code file:line:col: ...}), never other
 * exceptions.
 */
class SpecLoaderBadInputTest {
    private static String problem(String text) {
        SpecLoader.SpecException e =
                catchThrowableOfType(
                        SpecLoader.SpecException.class,
                        () -> SpecLoader.parse(text, "pipewright.yml"));
        assertThat(e)
                .as("refused: %s", text.length() > 80 ? text.substring(0, 80) : text)
                .isNotNull();
        assertThat(e.problems()).allMatch(p -> p.matches("pipewright\\.yml:\\d+:\\d+: .+"));
        return String.join("\n", e.problems());
    }

    @Test
    void positiveNestingPastTheLimitIsLocated() {
        String deep =
                "stack: k8s-controller\nparameters:\n  critical-packages: "
                        + "[".repeat(60)
                        + "]".repeat(60)
                        + "\n";
        assertThat(problem(deep))
                .startsWith("pipewright.yml:3:")
                .contains("nest more than 50 levels");
    }

    @Test
    void positiveBlockNestingPastTheLimitIsLocated() {
        StringBuilder b = new StringBuilder("stack: k8s-controller\n");
        for (int i = 0; i < 60; i++) {
            b.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        assertThat(problem(b.toString())).contains("nest more than 50 levels");
    }

    @Test
    void positiveAliasBombIsLocated() {
        StringBuilder b =
                new StringBuilder("stack: k8s-controller\nx0: &a0 [l, l, l, l, l, l, l, l, l]\n");
        for (int i = 1; i < 9; i++) {
            b.append("x")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*a" + (i - 1))))
                    .append("]\n");
        }
        assertThat(problem(b.toString())).contains("aliases");
    }

    @Test
    void positiveRecursiveAliasIsLocated() {
        assertThat(problem("stack: k8s-controller\nx: &a [1, *a]\n"))
                .startsWith("pipewright.yml:2:")
                .contains("refers to the list or mapping that contains it");
    }

    @Test
    void positiveControlCharactersAreLocated() {
        for (char c : new char[] {'\u0000', '\u007f', '\u0083', '\u009b'}) {
            String p = problem("stack: k8s-controller\nid: ab" + c + "c\n");
            assertThat(p)
                    .as("U+%04X", (int) c)
                    .startsWith("pipewright.yml:2:7: control character")
                    .contains(String.format("U+%04X", (int) c));
        }
    }

    @Test
    void positiveDuplicateKeyIsAnError() {
        assertThat(problem("stack: k8s-controller\nstack: go-microservice\n"))
                .isEqualTo(
                        "pipewright.yml:2:1: key \"stack\" is duplicated; it was first set at line 1, column 1 (keep one of them)");
    }

    @Test
    void positiveHugeIntegerIsLocated() {
        assertThat(
                        problem(
                                "stack: k8s-controller\noverrides:\n  - {workflow: ci.yml, job: build, timeout-minutes: 99999999999}\n"))
                .startsWith("pipewright.yml:3:")
                .contains("too large");
    }

    @Test
    void positivePathParametersStayInsideTheRepository() {
        for (String bad :
                new String[] {
                    "../../etc/passwd", "-rf", "deploy/../../x", "/etc/passwd", "./x", "deploy/-x"
                }) {
            assertThat(
                            problem(
                                    "stack: polyglot-platform\nparameters:\n  helm-values: \""
                                            + bad
                                            + "\"\n  registry: \"${{ vars.ACR_LOGIN_SERVER }}\"\n"))
                    .as(bad)
                    .startsWith("pipewright.yml:3:16:")
                    .contains("does not match");
            assertThat(
                            problem(
                                    "stack: k8s-controller\nparameters:\n  critical-packages: [\""
                                            + bad
                                            + "\"]\n  image: \"ghcr.io/${{ vars.GHCR_OWNER }}/timewindow-controller\"\n"))
                    .as(bad)
                    .startsWith("pipewright.yml:3:")
                    .contains("does not match");
            assertThat(
                            problem(
                                    "stack: k8s-controller\noutput: \""
                                            + bad
                                            + "\"\nparameters:\n  image: \"ghcr.io/${{ vars.GHCR_OWNER }}/timewindow-controller\"\n"))
                    .as(bad)
                    .startsWith("pipewright.yml:2:9:");
        }
    }

    @Test
    void positiveARequiredParameterLeftUnsetIsLocatedAndNamed() {
        // without parameters: at the stack; with some: at the parameters block; the message names
        // each missing one
        assertThat(problem("stack: go-microservice\n"))
                .isEqualTo(
                        "pipewright.yml:1:8: stack go-microservice:"
                                + " parameter image is required (no default), Image repository on GHCR (the jobs log in to ghcr.io): set it,"
                                + " for example image: ghcr.io/${{ vars.GHCR_OWNER }}/service; parameter staging-url is required"
                                + " (no default), Health endpoint checked after the staging deploy; without /healthz, the staging"
                                + " environment's URL: set it, for example staging-url: ${{ vars.STAGING_URL }}/healthz; parameter"
                                + " production-url is required (no default), Health endpoint checked after the production deploy; without"
                                + " /healthz, the production environment's URL: set it, for example production-url:"
                                + " ${{ vars.PRODUCTION_URL }}/healthz");
        assertThat(
                        problem(
                                "stack: polyglot-platform\nid: platform\nparameters:\n  sdk-prefix: ACME\n"))
                .isEqualTo(
                        "pipewright.yml:4:3: stack polyglot-platform: parameter registry is required (no default),"
                                + " Azure Container Registry host (<name>.azurecr.io): set it, for example registry:"
                                + " ${{ vars.ACR_LOGIN_SERVER }}");
    }

    @Test
    void positiveAnExpressionOtherThanAVariableIsNoRegistry() {
        for (String bad :
                new String[] {
                    "${{ secrets.REGISTRY }}",
                    "${{vars.REGISTRY}}",
                    "${{ vars.REGISTRY }}; curl x",
                    "${{ vars.A }}${{ vars.B }}"
                }) {
            assertThat(
                            problem(
                                    "stack: polyglot-platform\nparameters:\n  registry: \""
                                            + bad
                                            + "\"\n"))
                    .as(bad)
                    .startsWith("pipewright.yml:3:13: ")
                    .contains("does not match");
        }
    }

    @Test
    void negativeOrdinaryPathsAndYamlBooleansAreAccepted() {
        assertThat(
                        SpecLoader.parse(
                                        "stack: polyglot-platform\noutput: .github/workflows\nparameters:\n"
                                                + "  helm-values: deploy/production/values.yaml\n  registry: \"${{ vars.ACR_LOGIN_SERVER }}\"\n",
                                        "pipewright.yml")
                                .id())
                .isEqualTo("polyglot-platform");
        assertThat(
                        SpecLoader.parse(
                                        "stack: k8s-controller\nparameters:\n  critical-packages: [\"internal/**\", \"api/v1/*.go\"]\n  image: \"ghcr.io/${{ vars.GHCR_OWNER }}/timewindow-controller\"\n",
                                        "pipewright.yml")
                                .id())
                .isEqualTo("k8s-controller");
    }

    @Test
    void positiveOverrideSettingRunWithoutAStepIsLocated() {
        assertThat(
                        problem(
                                "stack: k8s-controller\noverrides:\n  - workflow: ci.yml\n    job: lint\n    run: make\nparameters:\n  image: \"ghcr.io/${{ vars.GHCR_OWNER }}/timewindow-controller\"\n"))
                .startsWith("pipewright.yml:3:5: ")
                .contains("sets run without a step id");
    }

    @Test
    void positiveWorkflowsFolderOutsideDotGithubIsRefused() {
        assertThat(
                        problem(
                                "stack: k8s-controller\noutput: ci/workflows\nparameters:\n  image: \"ghcr.io/${{ vars.GHCR_OWNER }}/timewindow-controller\"\n"))
                .startsWith("pipewright.yml:2:9: ");
        assertThat(
                        SpecLoader.parse(
                                        "stack: k8s-controller\noutput: generated-workflows/k8s\nparameters:\n  image: \"ghcr.io/${{ vars.GHCR_OWNER }}/timewindow-controller\"\n",
                                        "pipewright.yml")
                                .id())
                .isEqualTo("k8s-controller");
    }
}
