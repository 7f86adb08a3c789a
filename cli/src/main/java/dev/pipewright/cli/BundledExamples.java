package dev.pipewright.cli;

import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.PipelineCatalog;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pipewright's bundled examples and this repository's own generated files (its workflows, our
 * actions' metadata), loaded from an explicit path: they change with this repository, not with the
 * tool, so the CLI's jar does not carry them. The {@code ./pipewright} launcher of a checkout names
 * the examples module's classes in the system property {@value #PROPERTY}; their classes see
 * Pipewright's API through the CLI's own class loader.
 */
final class BundledExamples {
    /** Jars or class directories holding the examples, separated by the path separator. */
    static final String PROPERTY = "pipewright.examples";

    private BundledExamples() {}

    /** Every source of generated files on the examples' path, in id order. */
    static List<FileSource> load(ClassLoader api) {
        String path = System.getProperty(PROPERTY, "");
        if (path.isBlank()) {
            throw new IllegalArgumentException(
                    "the bundled examples are not part of this CLI: run ./pipewright in a "
                            + "checkout of Pipewright (it passes -D"
                            + PROPERTY
                            + "=examples/target/classes), or give your own "
                            + "pipelines with --spec, --script or --classpath");
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(
                        PROPERTY
                                + " names "
                                + entry
                                + ", which does not exist (build the "
                                + "examples: mvn -pl examples -am package -DskipTests)");
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(
                        PROPERTY + " names " + entry + ", which is not a usable path", e);
            }
        }
        List<FileSource> sources =
                PipelineCatalog.load(new URLClassLoader(urls.toArray(URL[]::new), api));
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(
                    PROPERTY
                            + "="
                            + path
                            + " holds no pipeline (META-INF/services/"
                            + "dev.pipewright.pipeline.Pipeline)");
        }
        return sources;
    }
}
