package dev.pipewright.action;

import java.util.Optional;

/**
 * One container action: a descriptor plus logic that reads inputs from the context and stages
 * outputs on it.
 *
 * <p>Implementations throw {@link InputException} for bad input; anything else is an internal
 * error.
 */
public interface Action {
    ActionDescriptor descriptor();

    Outcome run(ActionContext context) throws Exception;

    /**
     * What exit code 1 (a failed {@link Outcome}) means for this action, for its {@code --help};
     * empty when the action never fails that way (it succeeds or reports bad input).
     */
    default Optional<String> failureMeaning() {
        return Optional.of("check failed (findings, mismatch, gate)");
    }
}
