package dev.pipewright.action;

/**
 * The verdict of an action that ran to completion: passed, or a failed gate with a one-line reason.
 */
public record Outcome(boolean passed, String reason) {
    public Outcome {
        if (!passed && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a failed outcome needs a reason");
        }
        if (reason != null && reason.contains("\n")) {
            throw new IllegalArgumentException("reason must be one line: " + reason);
        }
    }

    public static Outcome pass() {
        return new Outcome(true, null);
    }

    public static Outcome fail(String reason) {
        return new Outcome(false, reason);
    }
}
