package dev.pipewright.stacks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
    private final Map<String, Object> contexts =
            Map.of(
                    "github",
                            Map.of(
                                    "sha",
                                    "abc123",
                                    "ref",
                                    "refs/tags/v1.2.0",
                                    "event_name",
                                    "push",
                                    "event",
                                    Map.of("release", Map.of("tag_name", "v1.2.0"))),
                    "inputs", Map.of("releases-back", "2"),
                    "steps",
                            Map.of(
                                    "build",
                                    Map.of(
                                            "outputs",
                                            Map.of("digest", "sha256:00"),
                                            "outcome",
                                            "failure")),
                    "secrets", Map.of());

    private Expressions ex(boolean failed) {
        return new Expressions(
                contexts,
                s ->
                        switch (s) {
                            case "success" -> !failed;
                            case "failure" -> failed;
                            case "always" -> true;
                            default -> false;
                        });
    }

    @Test
    void positiveInterpolatesPathsOperatorsAndFunctions() {
        Expressions e = ex(false);
        assertThat(
                        e.interpolate(
                                "img@${{ steps.build.outputs.digest }} (${{ inputs.releases-back }} back)"))
                .isEqualTo("img@sha256:00 (2 back)");
        assertThat(
                        e.interpolate(
                                "${{ github.event_name == 'release' && github.event.release.tag_name || github.sha }}"))
                .isEqualTo("abc123");
        assertThat(
                        e.interpolate(
                                "${{ startsWith(github.ref, 'refs/tags/v') && 'production' || 'staging' }}"))
                .isEqualTo("production");
        assertThat(e.interpolate("${{ secrets.MISSING }}")).isEmpty();
        assertThat(e.interpolate("${{ format('{0}-{1}', github.sha, 'x') }}"))
                .isEqualTo("abc123-x");
        assertThat(e.evaluate("github['sha']")).isEqualTo("abc123");
        assertThat(e.evaluate("inputs.releases-back == 2")).isEqualTo(true);
    }

    @Test
    void positiveConditionsImplySuccessUnlessTheyCallAStatusFunction() {
        assertThat(ex(true).condition("github.sha != ''")).isFalse();
        assertThat(ex(true).condition("failure()")).isTrue();
        assertThat(ex(false).condition("${{ !failure() && !cancelled() }}")).isTrue();
        assertThat(ex(true).condition("always() && steps.build.outcome == 'failure'")).isTrue();
    }

    @Test
    void negativeUnknownContextsAndFunctionsAreRejectedNotGuessed() {
        assertThatThrownBy(() -> ex(false).interpolate("${{ matrix.os }}"))
                .isInstanceOf(Expressions.Unsupported.class)
                .hasMessageContaining("context 'matrix'");
        assertThatThrownBy(() -> ex(false).interpolate("${{ hashFiles('go.sum') }}"))
                .isInstanceOf(Expressions.Unsupported.class)
                .hasMessageContaining("hashFiles()");
        assertThatThrownBy(() -> ex(false).interpolate("${{ github.event }}"))
                .isInstanceOf(Expressions.Unsupported.class);
    }
}
