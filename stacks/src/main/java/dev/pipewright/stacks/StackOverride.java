package dev.pipewright.stacks;

import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Step;
import java.util.Objects;

/**
 * A change to one job (or one step of it, by id) of a stack's output, never by index: change or
 * remove what the stack wrote, add a step before or after a named one, or add a job.
 *
 * @param workflow the workflow file name, e.g. {@code ci.yml}
 * @param job the job id (for an added job, its id)
 * @param step the step id, or null for a job override
 * @param timeoutMinutes job (or step) timeout, or null
 * @param runsOn job runner label, or null
 * @param run a step's new script, or null
 * @param remove drop the step (or job)
 * @param addStep a step to add to the job, or null: before {@code before}, after {@code after},
 *     else at the end
 * @param before the id of the step {@code addStep} goes before, or null
 * @param after the id of the step {@code addStep} goes after, or null
 * @param addJob a job to add to the workflow (its id is {@code job}), or null
 */
public record StackOverride(
        String workflow,
        String job,
        String step,
        Integer timeoutMinutes,
        String runsOn,
        String run,
        boolean remove,
        Step addStep,
        String before,
        String after,
        NormalJob addJob) {
    public StackOverride {
        Objects.requireNonNull(workflow, "override workflow == null");
        Objects.requireNonNull(job, "override job == null");
        String at = workflow + " › " + job;
        if (step == null && run != null) {
            throw new IllegalArgumentException("override of " + at + " sets run without a step id");
        }
        if (step != null && runsOn != null) {
            throw new IllegalArgumentException(
                    "override of "
                            + at
                            + " › "
                            + step
                            + " sets runs-on, a job key; drop step to change the job");
        }
        boolean changes =
                step != null || timeoutMinutes != null || runsOn != null || run != null || remove;
        if (addStep != null && (changes || addJob != null)) {
            throw new IllegalArgumentException(
                    "override of "
                            + at
                            + " adds a step and also changes something; write"
                            + " each change as an override of its own");
        }
        if (addJob != null && changes) {
            throw new IllegalArgumentException(
                    "override of "
                            + at
                            + " adds a job and also changes something; write"
                            + " each change as an override of its own");
        }
        if ((before != null || after != null) && addStep == null) {
            throw new IllegalArgumentException(
                    "override of "
                            + at
                            + " names "
                            + (before != null ? "before" : "after")
                            + " without add-step");
        }
        if (before != null && after != null) {
            throw new IllegalArgumentException(
                    "override of " + at + " names both before and after; give one");
        }
        if (addStep != null && addStep.id() == null) {
            throw new IllegalArgumentException(
                    "override of "
                            + at
                            + " adds a step without an id; give it one, so later"
                            + " overrides can name it");
        }
        if (addJob != null && !addJob.id().equals(job)) {
            throw new IllegalArgumentException(
                    "override of "
                            + at
                            + " adds job '"
                            + addJob.id()
                            + "' under job '"
                            + job
                            + "'");
        }
    }

    public StackOverride(
            String workflow,
            String job,
            String step,
            Integer timeoutMinutes,
            String runsOn,
            String run,
            boolean remove) {
        this(workflow, job, step, timeoutMinutes, runsOn, run, remove, null, null, null, null);
    }

    public static StackOverride job(String workflow, String job) {
        return new StackOverride(workflow, job, null, null, null, null, false);
    }

    public static StackOverride step(String workflow, String job, String step) {
        return new StackOverride(workflow, job, step, null, null, null, false);
    }

    /** Adds {@code step} at the end of job {@code job}; {@link #before}/{@link #after} place it. */
    public static StackOverride addStep(String workflow, String job, Step step) {
        return new StackOverride(
                workflow, job, null, null, null, null, false, step, null, null, null);
    }

    /** Adds {@code job} to the workflow. */
    public static StackOverride addJob(String workflow, NormalJob job) {
        return new StackOverride(
                workflow, job.id(), null, null, null, null, false, null, null, null, job);
    }

    public StackOverride timeoutMinutes(int minutes) {
        return new StackOverride(
                workflow, job, step, minutes, runsOn, run, remove, addStep, before, after, addJob);
    }

    public StackOverride runsOn(String label) {
        return new StackOverride(
                workflow,
                job,
                step,
                timeoutMinutes,
                label,
                run,
                remove,
                addStep,
                before,
                after,
                addJob);
    }

    public StackOverride run(String script) {
        return new StackOverride(
                workflow,
                job,
                step,
                timeoutMinutes,
                runsOn,
                script,
                remove,
                addStep,
                before,
                after,
                addJob);
    }

    public StackOverride removed() {
        return new StackOverride(
                workflow,
                job,
                step,
                timeoutMinutes,
                runsOn,
                run,
                true,
                addStep,
                before,
                after,
                addJob);
    }

    /** The added step goes before the step with this id. */
    public StackOverride before(String stepId) {
        return new StackOverride(
                workflow,
                job,
                step,
                timeoutMinutes,
                runsOn,
                run,
                remove,
                addStep,
                stepId,
                after,
                addJob);
    }

    /** The added step goes after the step with this id. */
    public StackOverride after(String stepId) {
        return new StackOverride(
                workflow,
                job,
                step,
                timeoutMinutes,
                runsOn,
                run,
                remove,
                addStep,
                before,
                stepId,
                addJob);
    }
}
