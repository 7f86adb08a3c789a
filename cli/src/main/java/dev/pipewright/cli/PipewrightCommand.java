package dev.pipewright.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code pipewright} command; each job is a subcommand. */
@Command(
        name = "pipewright",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generate, check and lint GitHub Actions workflows; run Pipewright's actions.",
        subcommands = {GenerateCommand.class, InitCommand.class, CheckCommand.class, LintCommand.class, PinCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:findings, drift or a failed gate",
            "2:usage error or bad input",
            "3:internal error"
        })
public final class PipewrightCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("pipewright: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** A configured command line with Pipewright's exit codes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PipewrightCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("pipewright: internal error: " + e);
            if (System.getenv("PIPEWRIGHT_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.INTERNAL;
        });
        // A usage error is one line and a pointer to --help, not the whole help page under the message.
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String message = e.getMessage();
            // "--files a --bogus": picocli adds why it did not take --bogus as a file; the first part says it all.
            int extra = message.indexOf("; Expected parameter for option");
            if (extra > 0 && message.startsWith("Unknown option")) {
                message = message.substring(0, extra);
            }
            String name = failed.getCommandSpec().qualifiedName();
            failed.getErr().println(name + ": " + message + " (see '" + name + " --help')");
            return ExitCodes.USAGE;
        });
        ActionCommands.addTo(cl);
        // An unknown "--flag" is a usage error everywhere, never the value of the option before it.
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        return cl;
    }
}
