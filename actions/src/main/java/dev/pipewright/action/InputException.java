package dev.pipewright.action;

/**
 * Bad input from the workflow author (exit 2); the message names the input or file and says why.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An input whose value cannot be used, e.g. {@code input 'min': expected a number, got 'abc'}.
     */
    public static InputException forInput(String input, String reason) {
        return new InputException("input '" + input + "': " + reason);
    }
}
