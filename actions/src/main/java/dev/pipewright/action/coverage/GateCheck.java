package dev.pipewright.action.coverage;

/**
 * One gate and its verdict, e.g. {@code min}: actual 68.75 against 80, failed, with a one-line
 * message.
 */
public record GateCheck(
        String name, String actual, String threshold, boolean passed, String message) {}
