package dev.pipewright.model.validation;

/** One validation failure: where it is and what is wrong, including how to fix it. */
public record Problem(Where where, String message) {
    @Override
    public String toString() {
        return where + ": " + message;
    }
}
