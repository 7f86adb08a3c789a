package dev.pipewright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code pipewright} command; each job is a subcommand. */
@Command(
        name = "pipewright",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generate, check and lint GitHub Actions workflows; run Pipewright's actions.",
        subcommands = {CommandLine.HelpCommand.class, LintCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:findings, drift or a failed gate",
            "2:usage error or bad input",
            "3:internal error"
        })
public final class PipewrightCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** A configured command line with Pipewright's exit codes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PipewrightCommand());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL);
        return cl;
    }
}
