package dev.pipewright.model.validation;

import static dev.pipewright.model.validation.Fixtures.W;
import static dev.pipewright.model.validation.Fixtures.assertAccepted;
import static dev.pipewright.model.validation.Fixtures.assertRejected;
import static dev.pipewright.model.validation.Fixtures.bareJob;
import static dev.pipewright.model.validation.Fixtures.job;
import static dev.pipewright.model.validation.Fixtures.workflow;

import dev.pipewright.model.CallJob;
import dev.pipewright.model.Container;
import dev.pipewright.model.Job;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructureRulesTest {

    @Test
    void positiveMinimalWorkflowBuilds() {
        assertAccepted(workflow(job("build").build()));
    }

    @Test
    void negativeNoTrigger() {
        assertRejected(
                Workflow.builder("ci.yml").job(job("build").build()),
                W + " › on",
                "the workflow has no trigger; add one with on(...)");
    }

    @Test
    void negativeNoJob() {
        assertRejected(
                Workflow.builder("ci.yml").on(Trigger.push()),
                W + " › jobs",
                "the workflow has no job; add one with job(...)");
    }

    @Test
    void negativeJobWithoutSteps() {
        assertRejected(
                workflow(bareJob("build").build()),
                W + " › job build › steps",
                "the job has no step; add at least one");
    }

    @Test
    void positivePositiveJobTimeout() {
        assertAccepted(workflow(job("build").timeoutMinutes(1).build()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void negativeJobTimeoutNotPositive(int minutes) {
        assertRejected(
                workflow(job("build").timeoutMinutes(minutes).build()),
                W + " › job build › timeout-minutes",
                "timeout-minutes is " + minutes + "; it must be a positive number of minutes");
    }

    @Test
    void positiveEntrypointAndCommandOnService() {
        assertAccepted(
                workflow(
                        job("build")
                                .service(
                                        "db",
                                        Container.of("postgres:16")
                                                .withCommand("/bin/sh", "-c 'exec postgres'"))
                                .build()));
    }

    @Test
    void negativeEntrypointOnJobContainer() {
        assertRejected(
                workflow(
                        job("build")
                                .container(Container.of("node:20").withCommand("/bin/sh", null))
                                .build()),
                W + " › job build › container",
                "entrypoint and command are only allowed on services; remove them");
    }

    @Test
    void negativeCommandOnJobContainer() {
        assertRejected(
                workflow(
                        job("build")
                                .container(Container.of("node:20").withCommand(null, "run"))
                                .build()),
                W + " › job build › container",
                "entrypoint and command are only allowed on services; remove them");
    }

    @Test
    void negativeServiceIdPattern() {
        assertRejected(
                workflow(job("build").service("1db", Container.of("postgres:16")).build()),
                W + " › job build › services",
                "service id '1db' must start with a letter or _ and contain only letters, digits, - and _");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "./.github/workflows/reusable.yml",
                "./.github/workflows/reusable.yaml",
                "octo-org/shared/.github/workflows/build.yml@v1",
                "octo-org/shared/.github/workflows/build.yaml@0123456789abcdef0123456789abcdef01234567"
            })
    void positiveReusableWorkflowUses(String uses) {
        assertAccepted(workflow(CallJob.builder("call", uses).build()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "octo-org/shared/.github/workflows/build.yml",
                "octo-org/shared@v1",
                "./.github/workflows/sub/reusable.yml",
                ".github/workflows/reusable.yml",
                "octo-org/shared/.github/workflows/build.json@v1",
                "actions/checkout@v4"
            })
    void negativeReusableWorkflowUses(String uses) {
        Job call = CallJob.builder("call", uses).build();
        assertRejected(
                workflow(call),
                W + " › job call › uses",
                "'"
                        + uses
                        + "' is not a reusable workflow; use "
                        + "./.github/workflows/<file>.yml or <owner>/<repo>/.github/workflows/<file>.yml@<ref>");
    }
}
