package dev.pipewright.action.sbom;

import dev.pipewright.action.InputException;

/** A file a cataloger cannot read (exit 2); the message is {@code file:line: reason}. */
public final class LockfileException extends InputException {
    private static final long serialVersionUID = 1L;

    public LockfileException(String file, int line, String reason) {
        super(file + ":" + Math.max(1, line) + ": " + reason);
    }

    /** A message already in {@code file:line[:col]: reason} form. */
    public LockfileException(String message, Throwable cause) {
        super(message, cause);
    }

    public LockfileException(String file, int line, String reason, Throwable cause) {
        super(file + ":" + Math.max(1, line) + ": " + reason, cause);
    }
}
