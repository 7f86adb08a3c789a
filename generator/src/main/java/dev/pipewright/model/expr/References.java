package dev.pipewright.model.expr;

import java.util.Objects;

/**
 * Builds {@code needs} and {@code steps} paths from model objects, checking they can be referenced.
 */
final class References {
    private References() {}

    static String jobId(JobReference job) {
        Objects.requireNonNull(job, "job");
        return Objects.requireNonNull(job.id(), "job id");
    }

    static Expr jobOutput(JobReference job, String output) {
        Objects.requireNonNull(output, "output");
        String id = jobId(job);
        if (!job.outputNames().contains(output)) {
            throw new IllegalArgumentException(
                    "job '"
                            + id
                            + "' has no output '"
                            + output
                            + "'; declare it in the job's outputs");
        }
        return Expr.needs(job).prop("outputs").prop(output);
    }

    static Expr step(StepReference step, String what) {
        Objects.requireNonNull(step, "step");
        if (step.id() == null) {
            throw new IllegalStateException(
                    step.describe() + " has no id; give it an id before using its " + what);
        }
        return Expr.steps().prop(step.id());
    }
}
