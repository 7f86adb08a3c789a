package dev.pipewright.action.coverage;

import dev.pipewright.action.InputException;

/** A coverage report that cannot be used (exit 2), reported as {@code file:line: reason}. */
public final class ReportParseException extends InputException {
    private static final long serialVersionUID = 1L;

    public ReportParseException(String file, long line, String reason) {
        super(file + ":" + Math.max(1, line) + ": " + reason);
    }
}
