package dev.pipewright.stacks;

import java.util.Objects;

/**
 * A change to one job (or one step of it, by id) of a stack's output; never by index.
 *
 * @param workflow the workflow file name, e.g. {@code ci.yml}
 * @param job the job id
 * @param step the step id, or null for a job override
 * @param timeoutMinutes job (or step) timeout, or null
 * @param runsOn job runner label, or null
 * @param run a step's new script, or null
 * @param remove drop the step (or job)
 */
public record StackOverride(String workflow, String job, String step, Integer timeoutMinutes, String runsOn, String run,
        boolean remove) {
    public StackOverride {
        Objects.requireNonNull(workflow, "override workflow == null");
        Objects.requireNonNull(job, "override job == null");
        if (step == null && run != null) {
            throw new IllegalArgumentException("override of " + workflow + " › " + job + " sets run without a step id");
        }
        if (step != null && runsOn != null) {
            throw new IllegalArgumentException("override of " + workflow + " › " + job + " › " + step
                    + " sets runs-on, a job key; drop step to change the job");
        }
    }

    public static StackOverride job(String workflow, String job) {
        return new StackOverride(workflow, job, null, null, null, null, false);
    }

    public static StackOverride step(String workflow, String job, String step) {
        return new StackOverride(workflow, job, step, null, null, null, false);
    }

    public StackOverride timeoutMinutes(int minutes) {
        return new StackOverride(workflow, job, step, minutes, runsOn, run, remove);
    }

    public StackOverride runsOn(String label) {
        return new StackOverride(workflow, job, step, timeoutMinutes, label, run, remove);
    }

    public StackOverride run(String script) {
        return new StackOverride(workflow, job, step, timeoutMinutes, runsOn, script, remove);
    }

    public StackOverride removed() {
        return new StackOverride(workflow, job, step, timeoutMinutes, runsOn, run, true);
    }
}
