package dev.pipewright.model.validation;

import static dev.pipewright.model.validation.Fixtures.W;
import static dev.pipewright.model.validation.Fixtures.assertAccepted;
import static dev.pipewright.model.validation.Fixtures.assertRejected;
import static dev.pipewright.model.validation.Fixtures.bareJob;
import static dev.pipewright.model.validation.Fixtures.workflow;

import dev.pipewright.model.Preview;
import dev.pipewright.model.Step;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class BackgroundStepRulesTest {
    private static final String FIX =
            " (steps inside parallel(...) cannot be named); give a step before it that id and "
                    + "background(true)";

    @Test
    void positiveWaitAndCancelNameEarlierBackgroundSteps() {
        assertAccepted(
                workflow(
                                bareJob("test")
                                        .step(
                                                Step.run("./server")
                                                        .id("server")
                                                        .background(true)
                                                        .build())
                                        .step(
                                                Step.run("make lint")
                                                        .id("lint")
                                                        .background(true)
                                                        .build())
                                        .step(
                                                Step.parallel(
                                                        Step.run("make unit").id("unit").build(),
                                                        Step.run("make fuzz").id("fuzz").build()))
                                        .step(Step.waitFor("lint", "server"))
                                        .step(
                                                Step.run("make e2e")
                                                        .env("LINT", "${{ steps.lint.outcome }}")
                                                        .build())
                                        .step(Step.cancel("server").withName("Stop the server"))
                                        .step(Step.waitAll())
                                        .build())
                        .allowPreview(Preview.BACKGROUND_STEPS));
    }

    @Test
    void negativeWaitForForegroundStep() {
        assertRejected(
                workflow(
                                bareJob("test")
                                        .step(Step.run("make").id("build").build())
                                        .step(Step.waitFor("build"))
                                        .build())
                        .allowPreview(Preview.BACKGROUND_STEPS),
                W + " › job test › step 2 › wait",
                "wait names 'build', which is no earlier background step of this job" + FIX);
    }

    @Test
    void negativeWaitForStepInsideParallel() {
        assertRejected(
                workflow(
                                bareJob("test")
                                        .step(
                                                Step.parallel(
                                                        Step.run("a").id("lint").build(),
                                                        Step.run("b").id("unit").build()))
                                        .step(Step.waitFor("lint"))
                                        .build())
                        .allowPreview(Preview.BACKGROUND_STEPS),
                W + " › job test › step 2 › wait",
                "wait names 'lint', which is no earlier background step of this job" + FIX);
    }

    @Test
    void negativeWaitTargetsMatchCaseSensitively() {
        assertRejected(
                workflow(
                                bareJob("test")
                                        .step(
                                                Step.run("./server")
                                                        .id("Server")
                                                        .background(true)
                                                        .build())
                                        .step(Step.waitFor("server"))
                                        .build())
                        .allowPreview(Preview.BACKGROUND_STEPS),
                W + " › job test › step 2 › wait",
                "wait names 'server', which is no earlier background step of this job" + FIX);
    }

    @Test
    void negativeReservedStepId() {
        assertRejected(
                workflow(bareJob("test").step(Step.run("make").id("__run").build()).build()),
                W + " › job test › step 1 (id: __run)",
                "step id '__run' starts with __, which GitHub reserves for its own "
                        + "ids; rename it");
    }

    @Test
    void negativeCancelOfLaterStep() {
        assertRejected(
                workflow(
                                bareJob("test")
                                        .step(Step.cancel("server"))
                                        .step(
                                                Step.run("./server")
                                                        .id("server")
                                                        .background(true)
                                                        .build())
                                        .build())
                        .allowPreview(Preview.BACKGROUND_STEPS),
                W + " › job test › step 1 › cancel",
                "cancel names 'server', which is no earlier background step of this job" + FIX);
    }

    @Test
    void negativeDuplicateIdInsideParallel() {
        assertRejected(
                workflow(
                                bareJob("test")
                                        .step(Step.run("make").id("unit").build())
                                        .step(
                                                Step.parallel(
                                                        Step.run("a").id("lint").build(),
                                                        Step.run("b").id("unit").build()))
                                        .build())
                        .allowPreview(Preview.BACKGROUND_STEPS),
                W + " › job test › step 2 › parallel step 2 (id: unit)",
                "step id 'unit' is already used by step 1 of this job; step ids must be unique per job");
    }

    @Test
    void negativeParallelStepsCanOnlyBeRunOrUses() {
        Assertions.assertThatThrownBy(() -> Step.parallel(Step.waitAll(), Step.run("a").build()))
                .hasMessage("parallel may hold run and uses steps only, not WaitAllStep");
    }

    @Test
    void negativeBackgroundSyntaxWithoutOptIn() {
        assertRejected(
                workflow(
                        bareJob("test")
                                .step(Step.run("./server").id("server").background(true).build())
                                .build()),
                W + " › job test › step 1 (id: server)",
                "background, wait, wait-all, cancel and parallel steps are a GitHub "
                        + "preview that GitHub's parser rejects unless the allowBackgroundSteps feature is on for your "
                        + "organization; if it is, opt in with allowPreview(Preview.BACKGROUND_STEPS)");
    }
}
