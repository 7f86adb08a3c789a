package dev.pipewright.cli;

import dev.pipewright.model.validation.WorkflowValidationException;
import dev.pipewright.pipeline.Drift;
import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.Generation;
import dev.pipewright.pipeline.LocalUses;
import dev.pipewright.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code pipewright check}: regenerates in memory and fails with a unified diff on any byte of
 * drift.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Regenerate every workflow in memory and compare it with the committed file.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every generated file is up to date",
            "1:drift (diff on stdout, files on stderr)",
            "2:a pipeline is invalid or a --script does not compile",
            "3:internal error"
        })
public final class CheckCommand implements Callable<Integer> {
    @Mixin ProjectOptions project;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Generation.Checked checked;
        try {
            project.deprecation().ifPresent(err::println);
            List<FileSource> pipelines = project.selected();
            checked = Generation.check(project.root(), pipelines, project.lock());
        } catch (ScriptLoader.ScriptException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        } catch (ProjectOptions.NoSourceException e) {
            err.println("pipewright: " + e.getMessage().replace("; nothing written", ""));
            return ExitCodes.USAGE;
        } catch (WorkflowValidationException e) {
            err.println("pipewright: invalid pipeline:");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.USAGE;
        } catch (SpecLoader.SpecException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            return ExitCodes.USAGE;
        } catch (LocalUses.DanglingException e) {
            e.problems().forEach(p -> err.println("pipewright: " + p));
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("pipewright: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<Drift> drifts = checked.drifts();
        int files = checked.files().size();
        PrintWriter out = spec.commandLine().getOut();
        for (Drift d : drifts) {
            out.print(d.diff());
            err.println("drift: " + d.summary());
        }
        out.flush();
        if (drifts.isEmpty()) {
            err.println("pipewright: " + files + " generated file(s) up to date");
            return ExitCodes.OK;
        }
        err.println("pipewright: " + drifts.size() + " of " + files + " generated file(s) drifted");
        return ExitCodes.FINDINGS;
    }
}
