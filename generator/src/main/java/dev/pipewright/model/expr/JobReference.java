package dev.pipewright.model.expr;

import java.util.Set;

/** A job that expressions can point at through the {@code needs} context. */
public interface JobReference {
    /** The job id, the key under {@code jobs:}. */
    String id();

    /** The names declared under the job's {@code outputs:}. */
    Set<String> outputNames();
}
