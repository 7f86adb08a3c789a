package dev.pipewright.model.trigger;

/**
 * One entry under {@code on:}. Sealed so emitters and validators see every shape, with {@link
 * ActivityTrigger} and {@link CustomTrigger} as the open ends for events GitHub adds.
 */
public sealed interface Trigger extends TriggerBuilder
        permits Push,
                PullRequest,
                Schedule,
                WorkflowDispatch,
                WorkflowCall,
                WorkflowRun,
                ActivityTrigger,
                CustomTrigger {

    /** A trigger is its own builder, so built and unbuilt triggers mix in {@code on(...)}. */
    @Override
    default Trigger build() {
        return this;
    }

    /** The event name, the key under {@code on:}. */
    String event();

    /** Calls the visitor's method for this kind of trigger. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of trigger. Emitters and validators dispatch through it, so a new kind in
     * {@code permits} does not compile until every one of them says what it does with it (an {@code
     * instanceof} chain would silently skip it).
     */
    interface Visitor<R> {
        R visit(Push push);

        R visit(PullRequest pullRequest);

        R visit(Schedule schedule);

        R visit(WorkflowDispatch dispatch);

        R visit(WorkflowCall call);

        R visit(WorkflowRun run);

        R visit(ActivityTrigger activity);

        R visit(CustomTrigger custom);
    }

    static Push.Builder push() {
        return Push.builder();
    }

    static PullRequest.Builder pullRequest() {
        return PullRequest.builder("pull_request");
    }

    /**
     * Runs with the base repository's token and secrets on fork PRs: never check out the head with
     * it.
     */
    static PullRequest.Builder pullRequestTarget() {
        return PullRequest.builder("pull_request_target");
    }

    static Schedule schedule(String... cron) {
        return Schedule.of(cron);
    }

    static WorkflowDispatch.Builder workflowDispatch() {
        return WorkflowDispatch.builder();
    }

    static WorkflowCall.Builder workflowCall() {
        return WorkflowCall.builder();
    }

    static WorkflowRun.Builder workflowRun(String... workflows) {
        return WorkflowRun.builder(workflows);
    }

    /**
     * Any other event, optionally with {@code types} and filters (release, issues, merge_group, …).
     */
    static ActivityTrigger.Builder event(String event) {
        return ActivityTrigger.builder(event);
    }

    static ActivityTrigger.Builder release() {
        return ActivityTrigger.builder("release");
    }

    static ActivityTrigger.Builder mergeGroup() {
        return ActivityTrigger.builder("merge_group");
    }

    static ActivityTrigger.Builder repositoryDispatch() {
        return ActivityTrigger.builder("repository_dispatch");
    }
}
