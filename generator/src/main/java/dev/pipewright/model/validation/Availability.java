package dev.pipewright.model.validation;

import dev.pipewright.github.ContextAvailability;
import java.util.Set;

/**
 * The kinds of key an expression of the model can sit at, each named by the definition of GitHub's
 * workflow schema that lists its contexts; the contexts themselves come from {@link
 * ContextAvailability}, the table generated from that schema. An expression using any other context
 * is rejected by GitHub.
 */
enum Availability {
    WORKFLOW_RUN_NAME("run-name", "run-name"),
    WORKFLOW_ENV("env", "workflow-env"),
    WORKFLOW_CONCURRENCY("concurrency", "workflow-concurrency"),
    WORKFLOW_CALL_OUTPUT("on.workflow_call.outputs", "workflow-output-context"),
    JOB_IF("a job's if", "job-if"),
    JOB_STRATEGY("strategy", "strategy"),
    /**
     * name, runs-on, concurrency, environment name, timeout, continue-on-error, container,
     * services.
     */
    JOB_MATRIX("this key", "runs-on"),
    JOB_ENV("a job's env", "job-env"),
    JOB_DEFAULTS("defaults.run", "job-defaults-run"),
    ENVIRONMENT_URL("environment.url", "string-runner-context-no-secrets"),
    /** The schema's job-outputs has string-runner-context values. */
    JOB_OUTPUTS("outputs", "string-runner-context"),
    /**
     * env of the job container and of services: GitHub's string-runner-context, secrets included.
     */
    CONTAINER_ENV("a container's env", "string-runner-context"),
    CREDENTIALS("credentials", "container-registry-credentials"),
    STEP_IF("a step's if", "step-if"),
    STEP("a step", "step-env"),
    /** The schema's workflow-job-with has scalar-needs-context values. */
    CALL_WITH("with of a reusable-workflow call", "scalar-needs-context"),
    CALL_SECRETS("secrets of a reusable-workflow call", "scalar-needs-context-with-secrets");

    private final String place;
    private final String definition;
    private final Set<String> contexts;

    Availability(String place, String definition) {
        this.place = place;
        this.definition = definition;
        this.contexts = ContextAvailability.contexts(definition);
    }

    String place() {
        return place;
    }

    /** The workflow schema definition whose contexts apply. */
    String definition() {
        return definition;
    }

    boolean allows(String context) {
        return contexts.contains(context);
    }

    Set<String> contexts() {
        return contexts;
    }
}
