package dev.pipewright.model.validation;

import static dev.pipewright.model.validation.Fixtures.W;
import static dev.pipewright.model.validation.Fixtures.assertAccepted;
import static dev.pipewright.model.validation.Fixtures.assertRejected;
import static dev.pipewright.model.validation.Fixtures.bareJob;
import static dev.pipewright.model.validation.Fixtures.workflow;

import dev.pipewright.model.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepRulesTest {

    @Test
    void positiveUniqueStepIds() {
        assertAccepted(
                workflow(
                        bareJob("build")
                                .step(Step.run("make").id("make").build())
                                .step(Step.run("make test").id("test").build())
                                .step(Step.run("echo untitled").build())
                                .step(Step.run("echo untitled").build())
                                .build()));
    }

    @Test
    void positiveSameStepIdInTwoJobs() {
        assertAccepted(
                workflow(
                        bareJob("a").step(Step.run("make").id("make").build()).build(),
                        bareJob("b").step(Step.run("make").id("make").build()).build()));
    }

    @Test
    void negativeDuplicateStepIdIgnoringCase() {
        assertRejected(
                workflow(
                        bareJob("build")
                                .step(Step.run("make").id("test").build())
                                .step(Step.run("echo").build())
                                .step(Step.run("make test").id("Test").build())
                                .build()),
                W + " › job build › step 3 (id: Test)",
                "step id 'Test' is already used by step 1 of this job; step ids must be unique per job");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1st", "with space", "a.b", "-x"})
    void negativeStepIdPattern(String id) {
        assertRejected(
                workflow(bareJob("build").step(Step.run("make").id(id).build()).build()),
                W + " › job build › step 1 (id: " + id + ")",
                "step id '"
                        + id
                        + "' must start with a letter or _ and contain only letters, digits, - and _");
    }

    @Test
    void positiveStepTimeout() {
        assertAccepted(
                workflow(
                        bareJob("build")
                                .step(Step.run("make").timeoutMinutes(10).build())
                                .build()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void negativeStepTimeoutNotPositive(int minutes) {
        assertRejected(
                workflow(
                        bareJob("build")
                                .step(Step.run("make").build())
                                .step(
                                        Step.run("make test")
                                                .id("test")
                                                .timeoutMinutes(minutes)
                                                .build())
                                .build()),
                W + " › job build › step 2 (id: test) › timeout-minutes",
                "timeout-minutes is " + minutes + "; it must be a positive number of minutes");
    }
}
