package dev.pipewright.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import java.util.List;

/** Small valid workflows for validation tests, and the assertion every negative case uses. */
final class Fixtures {
    static final String W = "workflow ci.yml";

    private Fixtures() {}

    /** A job with one harmless step on ubuntu-latest. */
    static NormalJob.Builder job(String id) {
        return NormalJob.builder(id).runsOn("ubuntu-latest").step(Step.run("echo hi").build());
    }

    /** A job without steps, for tests that add their own. */
    static NormalJob.Builder bareJob(String id) {
        return NormalJob.builder(id).runsOn("ubuntu-latest");
    }

    /** {@code ci.yml}, triggered by push, with these jobs. */
    static Workflow.Builder workflow(Job... jobs) {
        return Workflow.builder("ci.yml").on(Trigger.push()).jobs(List.of(jobs));
    }

    /** Asserts the build fails with exactly this one problem. */
    static void assertRejected(Workflow.Builder builder, String where, String message) {
        assertRejectedWith(builder, new Problem(new Where(where), message));
    }

    /** Asserts the build fails with exactly these problems, in this order. */
    static void assertRejectedWith(Workflow.Builder builder, Problem... problems) {
        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(
                        WorkflowValidationException.class,
                        e -> assertThat(e.problems()).containsExactly(problems));
    }

    /** Asserts the build succeeds. */
    static Workflow assertAccepted(Workflow.Builder builder) {
        Workflow w = builder.build();
        assertThat(WorkflowValidator.problems(w)).isEmpty();
        return w;
    }
}
