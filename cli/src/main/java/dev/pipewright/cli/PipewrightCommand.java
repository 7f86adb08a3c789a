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
        ActionCommands.addTo(cl);
        // An unknown "--flag" is a usage error everywhere, never the value of the option before it.
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        return cl;
    }
}
