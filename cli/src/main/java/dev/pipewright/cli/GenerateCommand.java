package dev.pipewright.cli;

import dev.pipewright.model.validation.WorkflowValidationException;
import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.GeneratedFile;
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
 * {@code pipewright generate}: writes every pipeline's workflows; nothing is written if any is
 * invalid.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description =
                "Write the workflows of every pipeline source of this project (pipewright.yml, --spec, --script or "
                        + "--classpath) and delete generated files no source produces any more.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written (or already up to date)",
            "2:no pipeline source, a pipeline is invalid or uses a local action nothing provides, a --script does not compile, or a hand-written file is in the way",
            "3:internal error"
        })
public final class GenerateCommand implements Callable<Integer> {
    @Mixin ProjectOptions project;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = "--force",
            description =
                    "Overwrite files at generated paths that Pipewright did not write (no generated header).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Generation.Written written;
        try {
            project.deprecation().ifPresent(err::println);
            List<FileSource> pipelines = project.selected();
            err.println("pipewright: rendering " + pipelines.size() + " source(s)");
            // only a run over every source knows which generated files no source produces any more
            written =
                    Generation.generate(
                            project.root(),
                            pipelines,
                            project.lock(),
                            new Generation.WriteOptions(force, project.pipelines.isEmpty()));
        } catch (Generation.HandWrittenFilesException e) {
            err.println(
                    "pipewright: "
                            + e.getMessage()
                            + "; move "
                            + (e.paths().size() == 1 ? "it" : "them")
                            + " away or pass --force to overwrite; nothing written");
            return ExitCodes.USAGE;
        } catch (ProjectOptions.NoSourceException e) {
            err.println("pipewright: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ScriptLoader.ScriptException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        } catch (WorkflowValidationException e) {
            err.println("pipewright: invalid pipeline, nothing written:");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.USAGE;
        } catch (SpecLoader.SpecException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            return ExitCodes.USAGE;
        } catch (LocalUses.DanglingException e) {
            List<String> problems = e.problems();
            for (int i = 0; i < problems.size(); i++) {
                err.println(
                        "pipewright: "
                                + problems.get(i)
                                + (i == problems.size() - 1 ? "; nothing written" : ""));
            }
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
        for (String stale : written.deleted()) {
            out.println("deleted   " + stale);
        }
        err.println(
                "pipewright: "
                        + files.size()
                        + " file(s), "
                        + changed.size()
                        + " changed"
                        + (written.deleted().isEmpty()
                                ? ""
                                : ", " + written.deleted().size() + " stale deleted"));
        return ExitCodes.OK;
    }
}
