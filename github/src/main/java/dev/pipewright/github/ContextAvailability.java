// Generated from schemas/github/workflow-v1.0.json (@actions/workflow-parser 0.3.61, copied 2026-11-22) by TableGenerator — do not edit.
// Regenerate: mvn -B -q -pl linter test -Dtest=GeneratedTablesTest -Dtables.update=true
package dev.pipewright.github;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which contexts and functions GitHub allows in expressions at each key of a workflow. */
public final class ContextAvailability {
    private ContextAvailability() {}

    /**
     * Schema definition name to what its expressions may use, in the schema's order: context names, and functions
     * as {@code name(min,max)}. A definition that is not here adds none: its values use what the enclosing one allows.
     */
    public static final Map<String, List<String>> BY_DEFINITION = Map.ofEntries(
            Map.entry("run-name", List.of("github", "inputs", "vars")),
            Map.entry("workflow-call-input-default", List.of("github", "inputs", "vars")),
            Map.entry("workflow-output-context", List.of("github", "inputs", "vars", "jobs")),
            Map.entry("workflow-env", List.of("github", "inputs", "vars", "secrets")),
            Map.entry("job-if", List.of("github", "inputs", "vars", "needs", "always(0,0)", "failure(0,MAX)", "cancelled(0,0)", "success(0,MAX)")),
            Map.entry("job-if-result", List.of("github", "inputs", "vars", "needs", "always(0,0)", "failure(0,MAX)", "cancelled(0,0)", "success(0,MAX)")),
            Map.entry("strategy", List.of("github", "inputs", "vars", "needs")),
            Map.entry("snapshot-if", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("runs-on", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("job-env", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "secrets")),
            Map.entry("workflow-concurrency", List.of("github", "inputs", "vars")),
            Map.entry("job-concurrency", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("job-environment", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("job-environment-name", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("job-defaults-run", List.of("github", "inputs", "vars", "strategy", "matrix", "needs", "env")),
            Map.entry("step-continue-on-error", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)")),
            Map.entry("step-if", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "steps", "job", "runner", "env", "always(0,0)", "failure(0,0)", "cancelled(0,0)", "success(0,0)", "hashFiles(1,255)")),
            Map.entry("step-if-result", List.of("github", "inputs", "vars", "strategy", "matrix", "steps", "job", "runner", "env", "always(0,0)", "failure(0,0)", "cancelled(0,0)", "success(0,0)", "hashFiles(1,255)")),
            Map.entry("step-env", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)")),
            Map.entry("step-name", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)")),
            Map.entry("step-timeout-minutes", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)")),
            Map.entry("step-with", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)")),
            Map.entry("container", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("services", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("services-container", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("container-registry-credentials", List.of("github", "inputs", "vars", "secrets", "env")),
            Map.entry("boolean-needs-context", List.of("github", "inputs", "vars", "needs")),
            Map.entry("number-needs-context", List.of("github", "inputs", "vars", "needs")),
            Map.entry("string-needs-context", List.of("github", "inputs", "vars", "needs")),
            Map.entry("scalar-needs-context", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("scalar-needs-context-with-secrets", List.of("github", "inputs", "vars", "needs", "secrets", "strategy", "matrix")),
            Map.entry("boolean-strategy-context", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("number-strategy-context", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("string-strategy-context", List.of("github", "inputs", "vars", "needs", "strategy", "matrix")),
            Map.entry("boolean-steps-context", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)")),
            Map.entry("number-steps-context", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)")),
            Map.entry("string-runner-context", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env")),
            Map.entry("string-runner-context-no-secrets", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "steps", "job", "runner", "env")),
            Map.entry("string-steps-context", List.of("github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)")));

    /** Every context a workflow expression can use at some key, sorted. */
    public static final Set<String> CONTEXTS = Set.of("env", "github", "inputs", "job", "jobs", "matrix", "needs", "runner", "secrets", "steps", "strategy", "vars");

    /** The context names (not functions) listed at {@code definition}, a key of {@link #BY_DEFINITION}. */
    public static Set<String> contexts(String definition) {
        List<String> all = BY_DEFINITION.get(definition);
        if (all == null) {
            throw new IllegalArgumentException("no workflow schema definition with contexts named " + definition);
        }
        return Set.copyOf(all.stream().filter(c -> c.indexOf('(') < 0).toList());
    }
}
