package dev.pipewright.cli;

import dev.pipewright.pipeline.ActionLock;
import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.PipelineCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by generate and check: which pipelines, and the project root they write under. */
public final class ProjectOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Project root the generated paths are relative to (default: the current directory).")
    Path out;

    @Option(names = "--pipeline", paramLabel = "ID",
            description = "Only this pipeline (repeatable; default: every pipeline on the class path).")
    List<String> pipelines = new ArrayList<>();

    Path root() {
        return (out == null ? Path.of("") : out).toAbsolutePath().normalize();
    }

    /** The bundled action lock, overridden by the project's {@code .github/pipewright.lock.yml}. */
    ActionLock lock() {
        return ActionLock.forProject(root());
    }

    List<FileSource> selected() {
        return PipelineCatalog.select(PipelineCatalog.load(ProjectOptions.class.getClassLoader()), pipelines);
    }
}
