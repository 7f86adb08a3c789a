package dev.pipewright.cli;

import dev.pipewright.pipeline.ActionLock;
import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.Generation;
import dev.pipewright.pipeline.PipelineCatalog;
import dev.pipewright.spec.SpecLoader;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by generate and check: which pipelines, and the project root they write under. */
public final class ProjectOptions {
    @Option(
            names = "--root",
            paramLabel = "DIR",
            description =
                    "Project root the generated paths are relative to (default: the current directory).")
    Path rootOption;

    /** The project root's old name, before every command called it --root. */
    @Option(names = "--out", paramLabel = "DIR", hidden = true)
    Path out;

    @Option(
            names = "--pipeline",
            paramLabel = "ID",
            description = "Only this pipeline (repeatable; default: every pipeline found).")
    List<String> pipelines = new ArrayList<>();

    @Option(
            names = "--classpath",
            paramLabel = "PATH",
            split = "${sys:path.separator}",
            description =
                    "Jars or class directories holding your Pipeline classes (listed in "
                            + "META-INF/services/dev.pipewright.pipeline.Pipeline); when given, only their pipelines are "
                            + "used instead of the bundled examples. Repeatable, or separated by the path separator.")
    List<Path> classpath = new ArrayList<>();

    @Option(
            names = "--examples",
            description =
                    "Generate Pipewright's bundled examples (only for trying them out: the default inside a "
                            + "checkout of Pipewright itself, never in another project). They are not part of the CLI: "
                            + "./pipewright in a checkout of Pipewright names them with -D"
                            + BundledExamples.PROPERTY
                            + ".")
    boolean examples;

    /**
     * A file only Pipewright's own checkout has: there the bundled examples are the project's
     * sources.
     */
    static final String OWN_CHECKOUT_MARKER = "examples/self/PipewrightPipeline.java";

    /**
     * The project has no source of its own and the bundled examples are not for it: nothing to
     * generate.
     */
    static final class NoSourceException extends IllegalArgumentException {
        NoSourceException(Path root) {
            super(
                    "no pipeline source in "
                            + root
                            + ": write a spec with 'pipewright init --stack ID' (then "
                            + "pipewright.yml is found at the project root), or pass --spec FILE, --script FILE or "
                            + "--classpath DIR; nothing written");
        }
    }

    Path root() {
        Path given = rootOption != null ? rootOption : out;
        return (given == null ? Path.of("") : given).toAbsolutePath().normalize();
    }

    /**
     * A line for stderr when the deprecated {@code --out} was used, or an {@link
     * IllegalArgumentException} when both names were given; empty otherwise.
     */
    Optional<String> deprecation() {
        if (out == null) {
            return Optional.empty();
        }
        if (rootOption != null) {
            throw new IllegalArgumentException("--out and --root are the same option; give --root");
        }
        return Optional.of("pipewright: --out is deprecated; use --root");
    }

    /** The bundled action lock, overridden by the project's {@code .github/pipewright.lock.yml}. */
    ActionLock lock() {
        return ActionLock.forProject(root());
    }

    @Option(
            names = "--spec",
            paramLabel = "FILE",
            description =
                    "A pipewright.yml spec to generate from (repeatable; default: pipewright.yml and"
                            + " .github/pipewright.yml under the project root, when present).")
    List<Path> specs = new ArrayList<>();

    @Option(
            names = "--script",
            paramLabel = "FILE",
            description =
                    "A single-file pipeline script (the Pipelines.java that jbang runs), compiled with the JDK's"
                            + " compiler against this CLI; its pipelines are used instead of the bundled examples. Repeatable.")
    List<Path> scripts = new ArrayList<>();

    /** The spec files: those given, else the ones discovered at the project root. */
    List<Path> specFiles() {
        if (!specs.isEmpty()) {
            return specs;
        }
        List<Path> found = new ArrayList<>();
        for (String name : List.of("pipewright.yml", ".github/pipewright.yml")) {
            Path p = root().resolve(name);
            if (Files.isRegularFile(p)) {
                found.add(p);
            }
        }
        return found;
    }

    /**
     * The sources to generate: the project's own (classes on {@code --classpath}, scripts and spec
     * files) when it has any, else — in Pipewright's own checkout or with {@code --examples} — the
     * bundled examples and this repository's files ({@link BundledExamples}, not in the CLI's jar);
     * never both, so a project never receives Pipewright's examples. A project with no source of
     * its own is a {@link NoSourceException}.
     */
    List<FileSource> selected() throws IOException {
        ClassLoader api = ProjectOptions.class.getClassLoader();
        List<FileSource> own = new ArrayList<>();
        if (!classpath.isEmpty()) {
            // the user's classes see Pipewright's API through the parent loader, but only their own
            // sources are used
            own.addAll(Generation.ownSources(new URLClassLoader(urls(), api)));
            if (own.isEmpty()) {
                throw new IllegalArgumentException(
                        "no pipeline found on --classpath "
                                + classpath
                                + "; list your "
                                + "classes in META-INF/services/dev.pipewright.pipeline.Pipeline");
            }
        }
        for (Path script : scripts) {
            String display = display(script);
            for (FileSource source :
                    ScriptLoader.load(script.toAbsolutePath().normalize(), display)) {
                addOwn(own, source, display);
            }
        }
        for (Path spec : specFiles()) {
            String display = display(spec);
            if (Files.isDirectory(spec.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(
                        "--spec " + spec + ": " + spec + " is a directory, not a file");
            }
            if (!Files.isRegularFile(spec.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--spec " + spec + ": no such file");
            }
            addOwn(
                    own,
                    FileSource.of(SpecLoader.load(spec.toAbsolutePath().normalize(), display)),
                    display);
        }
        if (own.isEmpty()
                && !examples
                && !Files.isRegularFile(root().resolve(OWN_CHECKOUT_MARKER))) {
            throw new NoSourceException(root());
        }
        return PipelineCatalog.select(own.isEmpty() ? BundledExamples.load(api) : own, pipelines);
    }

    /** A path as the user sees it: relative to the project root when under it. */
    private String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root())
                ? root().relativize(abs).toString().replace('\\', '/')
                : p.toString();
    }

    private static void addOwn(List<FileSource> own, FileSource source, String display) {
        if (own.stream().anyMatch(s -> s.id().equals(source.id()))) {
            throw new IllegalArgumentException(
                    "two pipelines have the id "
                            + source.id()
                            + " (again in "
                            + display
                            + "); give one another id");
        }
        own.add(source);
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
                throw new IllegalArgumentException(
                        "--classpath entry " + p + " is not a usable path", e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
