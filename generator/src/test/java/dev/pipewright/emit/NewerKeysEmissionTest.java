package dev.pipewright.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Preview;
import dev.pipewright.model.Snapshot;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.testing.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys GitHub added in 2025–26 (background steps, wait/cancel/parallel, snapshot,
 * cancel-timeout-minutes, concurrency queue, workflow description). actionlint 1.7.7 predates them,
 * so GitHub's own parser is the oracle.
 */
class NewerKeysEmissionTest {
    static Workflow workflow() {
        return Workflow.builder("background.yml")
                .name("Integration")
                .description("Starts a server in the background and tests against it")
                .on(Trigger.push().branches("main"))
                .permissions(Permissions.none())
                .concurrency(Concurrency.of("integration-${{ github.ref }}").withQueue("max"))
                .job(
                        Job.builder("test")
                                .runsOn("ubuntu-24.04")
                                .timeoutMinutes(20)
                                .cancelTimeoutMinutes(5)
                                .snapshot(
                                        Snapshot.of("integration-runner")
                                                .onlyIf("github.ref == 'refs/heads/main'")
                                                .version("2"))
                                .step(
                                        Step.run("./server --port 8080")
                                                .id("server")
                                                .background(true)
                                                .build())
                                .step(Step.run("make lint").id("lint").background(true).build())
                                .step(
                                        Step.parallel(
                                                Step.run("make unit").id("unit").build(),
                                                Step.run("make fuzz").id("fuzz").build()))
                                .step(Step.waitFor("lint").withName("Wait for lint"))
                                .step(Step.run("make e2e").build())
                                .step(Step.cancel("server").withName("Stop the server"))
                                .step(Step.waitAll())
                                .build())
                .allowPreview(Preview.BACKGROUND_STEPS)
                .build();
    }

    /** The same keys minus the background steps, which GitHub's parser accepts without any flag. */
    static Workflow generallyAvailable() {
        Workflow w = workflow();
        var job = ((NormalJob) w.job("test")).toBuilder();
        job.steps(List.of());
        return w.toBuilder()
                .replaceJob(
                        NormalJob.builder("test")
                                .runsOn("ubuntu-24.04")
                                .timeoutMinutes(20)
                                .cancelTimeoutMinutes(5)
                                .snapshot(((NormalJob) w.job("test")).snapshot())
                                .step(Step.run("make e2e").build())
                                .build())
                .build();
    }

    @Test
    void writesEveryNewerKey() {
        String yaml = YamlWriter.write(WorkflowTree.of(workflow()), List.of());
        assertThat(yaml)
                .isEqualTo(
                        """
        name: Integration
        description: Starts a server in the background and tests against it
        on:
          push:
            branches:
              - main
        permissions: {}
        concurrency:
          group: integration-${{ github.ref }}
          queue: max
        jobs:
          test:
            runs-on: ubuntu-24.04
            timeout-minutes: 20
            cancel-timeout-minutes: 5
            snapshot:
              image-name: integration-runner
              if: github.ref == 'refs/heads/main'
              version: '2'
            steps:
              - id: server
                background: true
                run: ./server --port 8080
              - id: lint
                background: true
                run: make lint
              - parallel:
                  - id: unit
                    run: make unit
                  - id: fuzz
                    run: make fuzz
              - name: Wait for lint
                wait: lint
              - run: make e2e
              - name: Stop the server
                cancel: server
              - wait-all: true
        """);
    }

    @Test
    void githubParserWithTheFeatureFlagAcceptsBackgroundSteps(@TempDir Path dir)
            throws IOException {
        Path f = dir.resolve("background.yml");
        Files.writeString(f, YamlWriter.write(WorkflowTree.of(workflow()), List.of()));
        assertThat(Oracles.workflowParserPreview(f)).isEmpty();
        assertThat(Oracles.workflowParser(f))
                .extracting(Oracles.Finding::message)
                .as(
                        "without the flag GitHub rejects them, which is why the model asks for an opt-in")
                .contains("Unexpected value 'background'");
    }

    @Test
    void githubParserAcceptsTheGenerallyAvailableKeys(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("newer.yml");
        String yaml = YamlWriter.write(WorkflowTree.of(generallyAvailable()), List.of());
        assertThat(yaml)
                .contains("description:", "queue: max", "cancel-timeout-minutes: 5", "snapshot:");
        Files.writeString(f, yaml);
        assertThat(Oracles.workflowParser(f)).isEmpty();
    }
}
