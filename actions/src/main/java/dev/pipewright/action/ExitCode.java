package dev.pipewright.action;

/** Process exit codes of every action, identical to the {@code pipewright} CLI's. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int GATE_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    private ExitCode() {}
}
