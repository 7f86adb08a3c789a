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

    @Option(names = "--spec", paramLabel = "FILE",
            description = "A pipewright.yml spec to generate from (repeatable; default: pipewright.yml and"
                    + " .github/pipewright.yml under the project root, when present).")
    List<Path> specs = new ArrayList<>();

    /** The spec files: those given, else the ones discovered at the project root. */
    List<Path> specFiles() {
        if (!specs.isEmpty()) {
            return specs;
        }
        List<Path> found = new ArrayList<>();
        for (String name : List.of("pipewright.yml", ".github/pipewright.yml")) {
            Path p = root().resolve(name);
            if (java.nio.file.Files.isRegularFile(p)) {
                found.add(p);
            }
        }
        return found;
    }

    /** Java pipelines on the class path, other file sources, and the spec pipelines. */
    List<FileSource> selected() throws java.io.IOException {
        List<FileSource> all = new ArrayList<>(PipelineCatalog.load(ProjectOptions.class.getClassLoader()));
        for (Path spec : specFiles()) {
            Path abs = spec.toAbsolutePath().normalize();
            String display = abs.startsWith(root()) ? root().relativize(abs).toString().replace('\\', '/') : spec.toString();
            FileSource source = FileSource.of(dev.pipewright.spec.SpecLoader.load(abs, display));
            // a spec shadows a bundled example with the same id: it is the project's own pipeline
            all.removeIf(s -> s.id().equals(source.id()));
            all.add(source);
        }
        return PipelineCatalog.select(all, pipelines);
    }
}
