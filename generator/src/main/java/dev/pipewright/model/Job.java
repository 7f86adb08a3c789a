package dev.pipewright.model;

import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.expr.JobReference;
import java.util.List;
import java.util.Map;

/**
 * A job: one that runs steps on a runner ({@link NormalJob}) or one that calls a reusable workflow
 * ({@link CallJob}), which GitHub allows only a subset of keys.
 */
public sealed interface Job extends JobReference permits NormalJob, CallJob {

    String name();

    /** Calls the visitor's method for this kind of job. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of job, so a new kind in {@code permits} does not compile until every
     * emitter and validator handles it.
     */
    interface Visitor<R> {
        R visit(NormalJob job);

        R visit(CallJob job);
    }

    /** Ids of the jobs this one needs, in order. */
    List<String> needs();

    /** The {@code if:} condition, or null. */
    String condition();

    Permissions permissions();

    Concurrency concurrency();

    Strategy strategy();

    Map<String, Object> custom();

    /** {@code needs.<id>.outputs.<name>}; the output must be declared. */
    default Expr output(String outputName) {
        return Expr.jobOutput(this, outputName);
    }

    /** {@code needs.<id>.result}. */
    default Expr result() {
        return Expr.jobResult(this);
    }

    static NormalJob.Builder builder(String id) {
        return NormalJob.builder(id);
    }

    static CallJob.Builder call(String id, String uses) {
        return CallJob.builder(id, uses);
    }
}
