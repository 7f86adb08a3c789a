package dev.pipewright.maven;

import dev.pipewright.model.validation.WorkflowValidationException;
import dev.pipewright.pipeline.ActionLock;
import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.Generation;
import dev.pipewright.pipeline.PipelineCatalog;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What generate and check share: the project's pipeline classes and the root their files go under.
 */
abstract class PipelineMojo extends AbstractMojo {

    /**
     * The project root the generated paths (such as {@code .github/workflows/ci.yml}) are relative
     * to. In a multi-module build whose {@code .github} is at the top, set it to {@code
     * ${maven.multiModuleProjectDirectory}}.
     */
    @Parameter(property = "pipewright.projectRoot", defaultValue = "${project.basedir}")
    File projectRoot;

    /**
     * The compiled classes holding the project's {@code Pipeline} implementations, listed in {@code
     * META-INF/services/dev.pipewright.pipeline.Pipeline}.
     */
    @Parameter(
            property = "pipewright.classesDirectory",
            defaultValue = "${project.build.outputDirectory}")
    File classesDirectory;

    /** The project's compile and runtime class path, which the pipeline classes are loaded with. */
    @Parameter(
            defaultValue = "${project.runtimeClasspathElements}",
            readonly = true,
            required = true)
    List<String> classpathElements;

    /** Only the pipelines with these ids (default: every pipeline the project defines). */
    @Parameter(property = "pipewright.pipelines")
    List<String> pipelines = new ArrayList<>();

    /**
     * The project's own pipeline sources, loaded from its classes with Pipewright's API from this
     * plugin.
     */
    List<FileSource> sources() throws MojoExecutionException {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(classesDirectory.getAbsolutePath());
        entries.addAll(classpathElements);
        List<URL> urls = new ArrayList<>();
        for (String e : entries) {
            try {
                urls.add(new File(e).toURI().toURL());
            } catch (MalformedURLException ex) {
                throw new MojoExecutionException(
                        "class path entry " + e + " is not a usable path", ex);
            }
        }
        // Parent first: the project's copy of the generator (it compiles against it) yields to the
        // plugin's, so
        // its classes implement the very Pipeline interface the plugin loads them through.
        URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
        List<FileSource> own = Generation.ownSources(loader);
        if (own.isEmpty()) {
            throw new MojoExecutionException(
                    "no pipeline found in "
                            + classesDirectory
                            + "; implement "
                            + "dev.pipewright.pipeline.Pipeline and list the class in "
                            + "src/main/resources/META-INF/services/dev.pipewright.pipeline.Pipeline");
        }
        try {
            return PipelineCatalog.select(own, pipelines == null ? List.of() : pipelines);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The bundled action lock, overridden by the project's {@code .github/pipewright.lock.yml}. */
    ActionLock lock() {
        return ActionLock.forProject(projectRoot.toPath());
    }

    /** An invalid pipeline's problems, one per line, as the build's failure message. */
    static String problems(String lead, RuntimeException e) {
        if (e instanceof WorkflowValidationException v) {
            StringBuilder sb = new StringBuilder(lead).append(':');
            v.problems().forEach(p -> sb.append("\n  ").append(p));
            return sb.toString();
        }
        return lead + ": " + e.getMessage();
    }
}
