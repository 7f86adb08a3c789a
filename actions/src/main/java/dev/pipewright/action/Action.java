package dev.pipewright.action;

/**
 * One container action: a descriptor plus logic that reads inputs from the context and stages outputs on it.
 *
 * <p>Implementations throw {@link InputException} for bad input; anything else is an internal error.
 */
public interface Action {
    ActionDescriptor descriptor();

    Outcome run(ActionContext context) throws Exception;
}
