package dev.pipewright.model.validation;

import dev.pipewright.model.Job;

/**
 * One string of the workflow that may hold expressions: where it is, which contexts GitHub allows
 * there, whether it is a bare condition ({@code if:}), and the job and step index it belongs to.
 */
record ExpressionSite(
        Where where,
        String key,
        String text,
        Availability availability,
        boolean condition,
        Job job,
        int stepIndex) {

    /** A site outside any step ({@code stepIndex} -1). */
    static ExpressionSite of(
            Where where, String key, String text, Availability availability, Job job) {
        return new ExpressionSite(where, key, text, availability, false, job, -1);
    }
}
