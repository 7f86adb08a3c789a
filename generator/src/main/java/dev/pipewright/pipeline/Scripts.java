package dev.pipewright.pipeline;

import dev.pipewright.model.validation.WorkflowValidationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of a single-file pipeline script, runnable by JBang or by {@code pipewright
 * generate --script FILE.java}:
 *
 * <pre>{@code
 * //DEPS dev.pipewright:pipewright-generator:0.1.0-SNAPSHOT
 * public class Pipelines {
 *     public static void main(String[] args) {
 *         Scripts.run(args, new Ci());
 *     }
 * }
 * }</pre>
 *
 * Arguments: {@code [generate|check] [--root DIR]}; generate is the default, and paths are relative
 * to the current directory unless {@code --root} (or its old name {@code --out}) names the project
 * root.
 */
public final class Scripts {
    /** Set while the CLI runs a script's main to learn its pipelines instead of generating. */
    private static final ThreadLocal<List<Pipeline>> COLLECTING = new ThreadLocal<>();

    private Scripts() {}

    /**
     * Generates or checks the pipelines' files and, when that fails, exits the JVM with the CLI's
     * status: 1 drift, 2 an invalid pipeline or bad arguments, 3 an I/O error.
     */
    public static void run(String[] args, Pipeline... pipelines) {
        List<Pipeline> collecting = COLLECTING.get();
        if (collecting != null) {
            collecting.addAll(List.of(pipelines));
            return;
        }
        int status = execute(List.of(args), System.out, System.err, List.of(pipelines));
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** What {@link #run} does, returning the exit status instead of exiting. */
    public static int execute(
            List<String> args, PrintStream out, PrintStream err, List<Pipeline> pipelines) {
        String command = "generate";
        Path root = Path.of("");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            // --root as everywhere in the CLI; --out is its old name
            if ((a.equals("--root") || a.equals("--out")) && i + 1 < args.size()) {
                root = Path.of(args.get(++i));
            } else if (a.equals("generate") || a.equals("check")) {
                command = a;
            } else {
                err.println(
                        "pipewright: unknown argument \""
                                + a
                                + "\"; use [generate|check] [--root DIR]");
                return 2;
            }
        }
        root = root.toAbsolutePath().normalize();
        List<FileSource> sources = pipelines.stream().map(FileSource::of).toList();
        ActionLock lock = ActionLock.forProject(root);
        try {
            if (command.equals("check")) {
                Generation.Checked checked = Generation.check(root, sources, lock);
                for (Drift d : checked.drifts()) {
                    out.print(d.diff());
                    err.println("drift: " + d.summary());
                }
                err.println(
                        "pipewright: "
                                + checked.drifts().size()
                                + " of "
                                + checked.files().size()
                                + " generated file(s) drifted");
                return checked.clean() ? 0 : 1;
            }
            Generation.Written written = Generation.generate(root, sources, lock);
            for (GeneratedFile f : written.files()) {
                out.println(
                        (written.changed().contains(f.path()) ? "wrote     " : "unchanged ")
                                + f.path());
            }
            return 0;
        } catch (WorkflowValidationException e) {
            err.println("pipewright: invalid pipeline, nothing written:");
            e.problems().forEach(p -> err.println("  " + p));
            return 2;
        } catch (LocalUses.DanglingException e) {
            e.problems().forEach(p -> err.println("pipewright: " + p));
            return 2;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("pipewright: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("pipewright: " + e);
            return 3;
        }
    }

    /**
     * Runs a script's main without generating anything and returns the pipelines it passed to
     * {@link #run}; the CLI uses this to load a script it compiled itself.
     */
    public static List<Pipeline> collect(Runnable main) {
        List<Pipeline> found = new ArrayList<>();
        List<Pipeline> previous = COLLECTING.get();
        COLLECTING.set(found);
        try {
            main.run();
        } finally {
            if (previous == null) {
                COLLECTING.remove();
            } else {
                COLLECTING.set(previous);
            }
        }
        return List.copyOf(found);
    }
}
