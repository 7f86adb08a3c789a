package dev.pipewright.model.validation;

import java.util.Set;

/**
 * Which contexts GitHub makes available at each kind of key, as GitHub's workflow schema lists
 * them (its {@code context} entries). An expression using any other context is rejected by GitHub.
 */
enum Availability {
    WORKFLOW_RUN_NAME("run-name", "github", "inputs", "vars"),
    WORKFLOW_ENV("env", "github", "inputs", "vars", "secrets"),
    WORKFLOW_CONCURRENCY("concurrency", "github", "inputs", "vars"),
    WORKFLOW_CALL_OUTPUT("on.workflow_call.outputs", "github", "inputs", "vars", "jobs"),
    JOB_IF("a job's if", "github", "inputs", "vars", "needs"),
    JOB_STRATEGY("strategy", "github", "inputs", "vars", "needs"),
    /** name, runs-on, concurrency, environment name, timeout, continue-on-error, container, services. */
    JOB_MATRIX("this key", "github", "inputs", "vars", "needs", "strategy", "matrix"),
    JOB_ENV("a job's env", "github", "inputs", "vars", "needs", "strategy", "matrix", "secrets"),
    JOB_DEFAULTS("defaults.run", "github", "inputs", "vars", "needs", "strategy", "matrix", "env"),
    ENVIRONMENT_URL("environment.url", "github", "inputs", "vars", "needs", "strategy", "matrix", "steps", "job",
            "runner", "env"),
    JOB_OUTPUTS("outputs", "github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job",
            "runner", "env"),
    /** env of the job container and of services: GitHub's string-runner-context, secrets included. */
    CONTAINER_ENV("a container's env", "github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps",
            "job", "runner", "env"),
    CREDENTIALS("credentials", "github", "inputs", "vars", "secrets", "env"),
    STEP_IF("a step's if", "github", "inputs", "vars", "needs", "strategy", "matrix", "steps", "job", "runner", "env"),
    STEP("a step", "github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner",
            "env"),
    CALL_WITH("with of a reusable-workflow call", "github", "inputs", "vars", "needs", "strategy", "matrix"),
    CALL_SECRETS("secrets of a reusable-workflow call", "github", "inputs", "vars", "needs", "strategy", "matrix",
            "secrets");

    private final String place;
    private final Set<String> contexts;

    Availability(String place, String... contexts) {
        this.place = place;
        this.contexts = Set.of(contexts);
    }

    String place() {
        return place;
    }

    boolean allows(String context) {
        return contexts.contains(context);
    }

    Set<String> contexts() {
        return contexts;
    }
}
