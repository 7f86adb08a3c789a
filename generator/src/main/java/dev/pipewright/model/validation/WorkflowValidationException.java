package dev.pipewright.model.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a workflow (or another generated config, such as a dependabot.yml) is built with
 * problems; the message lists every one, a line each.
 */
public final class WorkflowValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public WorkflowValidationException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
