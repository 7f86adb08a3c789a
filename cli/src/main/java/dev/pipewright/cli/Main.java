package dev.pipewright.cli;

/** Entry point of the {@code pipewright} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; used by tests and the launcher alike. */
    public static int run(String... args) {
        return PipewrightCommand.forArgs(args).execute(args);
    }
}
