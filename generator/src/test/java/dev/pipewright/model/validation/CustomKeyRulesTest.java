package dev.pipewright.model.validation;

import static dev.pipewright.model.validation.Fixtures.W;
import static dev.pipewright.model.validation.Fixtures.assertAccepted;
import static dev.pipewright.model.validation.Fixtures.assertRejected;
import static dev.pipewright.model.validation.Fixtures.bareJob;
import static dev.pipewright.model.validation.Fixtures.job;
import static dev.pipewright.model.validation.Fixtures.workflow;

import dev.pipewright.model.Job;
import dev.pipewright.model.Step;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomKeyRulesTest {
    @Test
    void positiveKeysTheModelDoesNotCoverYet() {
        assertAccepted(
                workflow(
                                bareJob("build")
                                        .custom("runner-priority", Map.of("level", "high"))
                                        .step(Step.run("make").custom("retry", 2).build())
                                        .build())
                        .custom("x-owner", "platform-team"));
    }

    @Test
    void negativeRootKey() {
        assertRejected(
                workflow(job("build").build()).custom("jobs", Map.of()),
                W,
                "custom key 'jobs' is a modelled key and would replace its typed value; set it with the builder's jobs "
                        + "method instead");
    }

    @Test
    void negativeJobKey() {
        assertRejected(
                workflow(job("build").custom("runs-on", "windows-latest").build()),
                W + " › job build",
                "custom key 'runs-on' is a modelled key and would replace its typed value; set it with the builder's "
                        + "runs-on method instead");
    }

    @Test
    void negativeCallJobKey() {
        assertRejected(
                workflow(job("build").build())
                        .job(
                                Job.call("deploy", "./.github/workflows/deploy.yml")
                                        .needs("build")
                                        .custom("with", Map.of())
                                        .build()),
                W + " › job deploy",
                "custom key 'with' is a modelled key and would replace its typed value; set it with "
                        + "the builder's with method instead");
    }

    @Test
    void negativeStepKey() {
        assertRejected(
                workflow(
                        bareJob("build")
                                .step(Step.run("make").id("make").custom("run", "rm -rf /").build())
                                .build()),
                W + " › job build › step 1 (id: make)",
                "custom key 'run' is a modelled key and would replace its typed "
                        + "value; set it with the builder's run method instead");
    }
}
