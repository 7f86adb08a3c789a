package dev.pipewright.model.validation;

import static dev.pipewright.model.validation.Fixtures.W;
import static dev.pipewright.model.validation.Fixtures.assertAccepted;
import static dev.pipewright.model.validation.Fixtures.assertRejected;
import static dev.pipewright.model.validation.Fixtures.job;
import static dev.pipewright.model.validation.Fixtures.workflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobIdRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"build", "_private", "Build-2", "a", "x_y-z9"})
    void positiveJobIdPattern(String id) {
        assertAccepted(workflow(job(id).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2build", "-build", "build.all", "build all", "bäume", ""})
    void negativeJobIdPattern(String id) {
        assertRejected(
                workflow(job(id).build()),
                W + " › job " + id,
                "job id '"
                        + id
                        + "' must start with a letter or _ and contain only letters, digits, - and _");
    }

    @Test
    void positiveDistinctJobIds() {
        assertAccepted(workflow(job("build").build(), job("build2").build()));
    }

    @Test
    void negativeDuplicateJobIdIgnoringCase() {
        assertRejected(
                workflow(job("build").build(), job("Build").build()),
                W + " › job Build",
                "job id 'Build' duplicates job 'build' (ids are compared ignoring case); rename one of them");
    }

    @Test
    void negativeExactDuplicateJobId() {
        assertRejected(
                workflow(job("build").build(), job("build").build()),
                W + " › job build",
                "job id 'build' duplicates job 'build' (ids are compared ignoring case); rename one of them");
    }
}
