package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.Oracles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Event configuration GitHub's server accepts outside workflow_call ({@code branches} under {@code
 * create}, {@code workflow_dispatch: []}, null inputs, {@code name:} on an input) is reported as a
 * warning, never an error; the same under workflow_call, and an unknown event, stay errors. The
 * findings themselves are in the {@code err/events-lenient-*.out} files; this checks their
 * severity, which those files do not show.
 */
class LenientEventsTest {
    @TestFactory
    Stream<DynamicTest> acceptedEventConfigurationIsAWarning() throws IOException {
        return FixturesTest.cases("err")
                .filter(
                        f ->
                                f.getFileName().toString().startsWith("events-lenient-")
                                        && !f.getFileName().toString().contains("call-strict"))
                .map(
                        f ->
                                DynamicTest.dynamicTest(
                                        f.getFileName().toString(),
                                        () -> {
                                            List<Finding> findings = FixturesTest.lint(f);
                                            assertThat(findings)
                                                    .as("findings of %s", f.getFileName())
                                                    .isNotEmpty()
                                                    .allSatisfy(
                                                            x ->
                                                                    assertThat(x.severity())
                                                                            .isEqualTo(
                                                                                    Severity
                                                                                            .WARNING));
                                        }));
    }

    @Test
    void workflowCallAndUnknownEventsStayErrors() throws IOException {
        Path f = FixturesTest.LINT.resolve("err/events-lenient-call-strict.yaml");
        assertThat(FixturesTest.lint(f))
                .hasSize(2)
                .allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void githubsParserAcceptsTheNewerSchemaFixtures() {
        // background is behind a feature flag in the pinned parser; its preview mode has it on
        assertThat(Oracles.workflowParser(FixturesTest.LINT.resolve("ok/expression-insert.yaml")))
                .isEmpty();
        assertThat(
                        Oracles.workflowParser(
                                FixturesTest.LINT.resolve(
                                        "ok/workflow-call-input-default-expressions.yaml")))
                .isEmpty();
        assertThat(
                        Oracles.workflowParserPreview(
                                FixturesTest.LINT.resolve("ok/step-background.yaml")))
                .isEmpty();
    }
}
