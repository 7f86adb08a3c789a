package dev.pipewright.action;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an action under the runner's contract: masks secrets first, maps failures to exit codes
 * 1/2/3, and writes outputs, summary, files and annotations only after the action completed. The
 * step summary goes to the file a caller names (the CLI's {@code --summary}), else to {@code
 * $GITHUB_STEP_SUMMARY}, else nowhere: Markdown meant for the run's page is not log output.
 */
public final class ActionRunner {
    private final Map<String, String> env;
    private final Path cwd;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Path summaryFile;

    public ActionRunner(Map<String, String> env, Path cwd, PrintWriter out, PrintWriter err) {
        this(env, cwd, out, err, null);
    }

    /**
     * @param summaryFile where the step summary is written (replacing the file), or null for the
     *     runner's
     */
    public ActionRunner(
            Map<String, String> env, Path cwd, PrintWriter out, PrintWriter err, Path summaryFile) {
        this.env = env;
        this.cwd = cwd;
        this.out = out;
        this.err = err;
        this.summaryFile = summaryFile == null ? null : cwd.resolve(summaryFile);
    }

    public int run(Action action) {
        ActionDescriptor d = action.descriptor();
        ActionEnvironment environment = new ActionEnvironment(env, cwd);
        boolean onRunner = environment.onRunner();
        WorkflowCommands commands = new WorkflowCommands(out);
        try {
            ActionContext ctx = new ActionContext(d, environment, onRunner ? out : err);
            if (onRunner) {
                // Before anything else is printed: a later log line may contain the secret.
                ctx.inputs().secretValues().forEach(commands::addMask);
            }
            Outcome outcome = action.run(ctx);
            commit(ctx, environment, onRunner, commands);
            if (outcome.passed()) {
                return ExitCode.OK;
            }
            report(onRunner, commands, d.id() + ": " + outcome.reason());
            return ExitCode.GATE_FAILED;
        } catch (InputException e) {
            report(onRunner, commands, d.id() + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (Exception | StackOverflowError e) {
            report(onRunner, commands, d.id() + ": internal error: " + e);
            e.printStackTrace(err);
            return ExitCode.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void report(boolean onRunner, WorkflowCommands commands, String message) {
        if (onRunner) {
            commands.annotate(new Annotation(Annotation.Level.ERROR, null, 0, 0, null, message));
        } else {
            err.println(message);
        }
    }

    private void commit(
            ActionContext ctx,
            ActionEnvironment environment,
            boolean onRunner,
            WorkflowCommands commands)
            throws IOException {
        new OutputFiles(environment.workspace()::display).commit(ctx.stagedFiles());
        Optional<Path> outputFile = environment.file("GITHUB_OUTPUT");
        if (outputFile.isPresent()) {
            FileCommands.appendAtomically(outputFile.get(), FileCommands.heredocs(ctx.outputs()));
        } else {
            printOutputs(ctx.outputs());
        }
        String summary = ctx.summary();
        if (summaryFile != null) {
            FileCommands.writeAtomically(summaryFile, summary);
        } else if (!summary.isEmpty()) {
            Optional<Path> stepSummary = environment.file("GITHUB_STEP_SUMMARY");
            if (stepSummary.isPresent()) {
                FileCommands.appendAtomically(stepSummary.get(), summary);
            }
        }
        for (Annotation a : ctx.annotations()) {
            if (onRunner) {
                commands.annotate(a);
            } else {
                err.println(
                        a.level().command()
                                + ": "
                                + (a.file() == null
                                        ? ""
                                        : a.file()
                                                + ":"
                                                + a.line()
                                                + (a.column() > 0 ? ":" + a.column() : "")
                                                + ": ")
                                + (a.title() == null ? "" : a.title() + ": ")
                                + a.message());
            }
        }
    }

    /** {@code name=value} lines; multi-line values use the same heredoc form as the output file. */
    private void printOutputs(Map<String, String> outputs) {
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            if (e.getValue().contains("\n")) {
                out.print(FileCommands.heredocs(Map.of(e.getKey(), e.getValue())));
            } else {
                out.println(e.getKey() + "=" + e.getValue());
            }
        }
    }
}
