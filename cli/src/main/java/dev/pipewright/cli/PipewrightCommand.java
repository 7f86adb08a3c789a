package dev.pipewright.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code pipewright} command; each job is a subcommand. */
@Command(
        name = "pipewright",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Generate, check and lint GitHub Actions workflows; run Pipewright's actions.",
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

    /**
     * The hand-written subcommands, in the order help lists them (the actions' commands follow).
     */
    private static final List<Class<?>> COMMAND_CLASSES =
            List.of(
                    GenerateCommand.class,
                    InitCommand.class,
                    CheckCommand.class,
                    LintCommand.class,
                    LspCommand.class,
                    PinCommand.class,
                    CommandLine.HelpCommand.class);

    /** A configured command line with every command and Pipewright's exit codes. */
    public static CommandLine commandLine() {
        return commandLine(name -> true, true);
    }

    /**
     * The command line for {@code args}: when the first argument names a command other than {@code
     * help}, only that command is built. Building picocli's model of every command and action
     * reflects over all of them and was about a third of the start-up of {@code pipewright lint};
     * help and usage errors get the whole command line. A hand-written command owns its name (the
     * lint action is run as {@code pipewright lint}), so naming one builds no action at all.
     */
    public static CommandLine forArgs(String... args) {
        String first = args.length == 0 ? "" : args[0];
        if (!first.equals("help")
                && COMMAND_CLASSES.stream().anyMatch(c -> name(c).equals(first))) {
            return commandLine(first::equals, false);
        }
        return ActionCommands.names().contains(first)
                ? commandLine(first::equals, true)
                : commandLine();
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static CommandLine commandLine(Predicate<String> wanted, boolean actions) {
        CommandLine cl = new CommandLine(new PipewrightCommand());
        for (Class<?> command : COMMAND_CLASSES) {
            if (wanted.test(name(command))) {
                cl.addSubcommand(command);
            }
        }
        cl.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    commandLine.getErr().println("pipewright: internal error: " + e);
                    if (System.getenv("PIPEWRIGHT_DEBUG") != null) {
                        e.printStackTrace(commandLine.getErr());
                    }
                    return ExitCodes.INTERNAL;
                });
        // A usage error is one line and a pointer to --help, not the whole help page under the
        // message.
        cl.setParameterExceptionHandler(
                (e, args) -> {
                    CommandLine failed = e.getCommandLine();
                    String message = e.getMessage();
                    // "--files a --bogus": picocli adds why it did not take --bogus as a file; the
                    // first part says it all.
                    int extra = message.indexOf("; Expected parameter for option");
                    if (extra > 0 && message.startsWith("Unknown option")) {
                        message = message.substring(0, extra);
                    }
                    String name = failed.getCommandSpec().qualifiedName();
                    failed.getErr().println(name + ": " + message + " (see '" + name + " --help')");
                    return ExitCodes.USAGE;
                });
        if (actions) {
            ActionCommands.addTo(cl, wanted);
        }
        // An unknown "--flag" is a usage error everywhere, never the value of the option before it.
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        versions(cl);
        return cl;
    }

    /** Every command's --version prints the product's version, as the top-level one does. */
    private static void versions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().versionProvider(new VersionProvider());
            }
            versions(sub);
        }
    }
}
