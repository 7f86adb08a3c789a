package dev.pipewright.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process, as {@link Main} does, and captures its exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return of(PipewrightCommand.forArgs(args), args);
    }

    /**
     * Runs {@code args} on a given command line (the whole one, to compare with what {@link Main}
     * builds).
     */
    static CliRun of(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
