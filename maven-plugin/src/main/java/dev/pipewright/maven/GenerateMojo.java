package dev.pipewright.maven;

import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.Generation;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code pipewright:generate}: writes the workflows of the project's pipeline classes; nothing if
 * one is invalid.
 */
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class GenerateMojo extends PipelineMojo {

    /** Skip this goal. */
    @Parameter(property = "pipewright.generate.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("pipewright: generate skipped");
            return;
        }
        Generation.Written written;
        try {
            written = Generation.generate(projectRoot.toPath(), sources(), lock());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoFailureException(problems("invalid pipeline, nothing written", e), e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "cannot write the generated files: " + e.getMessage(), e);
        }
        for (GeneratedFile f : written.files()) {
            getLog().info(
                            (written.changed().contains(f.path()) ? "wrote     " : "unchanged ")
                                    + f.path());
        }
        getLog().info(
                        "pipewright: "
                                + written.files().size()
                                + " file(s), "
                                + written.changed().size()
                                + " changed");
    }
}
