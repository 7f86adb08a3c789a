package dev.pipewright.cli;

import dev.pipewright.model.validation.WorkflowValidationException;
import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.Generation;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pipewright generate}: writes every pipeline's workflows; nothing is written if any is invalid. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the workflows of every pipeline source (the bundled examples and this project's own).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written (or already up to date)", "2:a pipeline is invalid or a --script does not compile", "3:internal error"})
public final class GenerateCommand implements Callable<Integer> {
    @Mixin ProjectOptions project;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Generation.Written written;
        try {
            List<FileSource> pipelines = project.selected();
            err.println("pipewright: rendering " + pipelines.size() + " source(s)");
            written = Generation.generate(project.root(), pipelines, project.lock());
        } catch (ScriptLoader.ScriptException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        } catch (WorkflowValidationException e) {
            err.println("pipewright: invalid pipeline, nothing written:");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.USAGE;
        } catch (dev.pipewright.spec.SpecLoader.SpecException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("pipewright: " + e.getMessage() + "; nothing written");
            return ExitCodes.USAGE;
        }
        List<GeneratedFile> files = written.files();
        List<String> changed = written.changed();
        PrintWriter out = spec.commandLine().getOut();
        for (GeneratedFile f : files) {
            out.println((changed.contains(f.path()) ? "wrote     " : "unchanged ") + f.path());
        }
        err.println("pipewright: " + files.size() + " file(s), " + changed.size() + " changed");
        return ExitCodes.OK;
    }
}
