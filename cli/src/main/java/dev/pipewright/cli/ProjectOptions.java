package dev.pipewright.cli;

import dev.pipewright.pipeline.ActionLock;
import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.PipelineCatalog;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
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
            description = "Only this pipeline (repeatable; default: every pipeline found).")
    List<String> pipelines = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "PATH", split = "${sys:path.separator}",
            description = "Jars or class directories holding your Pipeline classes (listed in "
                    + "META-INF/services/dev.pipewright.pipeline.Pipeline); when given, only their pipelines are "
                    + "used instead of the bundled examples. Repeatable, or separated by the path separator.")
    List<Path> classpath = new ArrayList<>();

    Path root() {
        return (out == null ? Path.of("") : out).toAbsolutePath().normalize();
    }

    /** The bundled action lock, overridden by the project's {@code .github/pipewright.lock.yml}. */
    ActionLock lock() {
        return ActionLock.forProject(root());
    }

    List<FileSource> selected() {
        ClassLoader bundled = ProjectOptions.class.getClassLoader();
        if (classpath.isEmpty()) {
            return PipelineCatalog.select(PipelineCatalog.load(bundled), pipelines);
        }
        // the user's classes see Pipewright's API through the parent loader, but only their own sources are used
        URLClassLoader user = new URLClassLoader(urls(), bundled);
        List<FileSource> own = PipelineCatalog.load(user).stream().filter(s -> s.loader() == user).toList();
        if (own.isEmpty()) {
            throw new IllegalArgumentException("no pipeline found on --classpath " + classpath + "; list your classes "
                    + "in META-INF/services/dev.pipewright.pipeline.Pipeline");
        }
        return PipelineCatalog.select(own, pipelines);
    }

    private URL[] urls() {
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                throw new IllegalArgumentException("--classpath entry " + p + " does not exist");
            }
            try {
                urls.add(abs.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--classpath entry " + p + " is not a usable path", e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
