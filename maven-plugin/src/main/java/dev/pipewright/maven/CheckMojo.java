package dev.pipewright.maven;

import dev.pipewright.pipeline.Drift;
import dev.pipewright.pipeline.Generation;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code pipewright:check}: regenerates the workflows in memory and fails the build, with a unified
 * diff, when a committed file differs by a byte, is missing, or is generated but no longer produced.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class CheckMojo extends PipelineMojo {

    /** Skip this goal. */
    @Parameter(property = "pipewright.check.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("pipewright: check skipped");
            return;
        }
        Generation.Checked checked;
        try {
            checked = Generation.check(projectRoot.toPath(), sources(), lock());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoFailureException(problems("invalid pipeline", e), e);
        }
        if (checked.clean()) {
            getLog().info("pipewright: " + checked.files().size() + " generated file(s) up to date");
            return;
        }
        StringBuilder message = new StringBuilder();
        message.append(checked.drifts().size()).append(" of ").append(checked.files().size())
                .append(" generated file(s) drifted; run mvn pipewright:generate (or edit the pipeline, not the file)");
        for (Drift d : checked.drifts()) {
            message.append("\n").append(d.summary());
        }
        for (Drift d : checked.drifts()) {
            message.append("\n").append(d.diff().stripTrailing());
        }
        throw new MojoFailureException(message.toString());
    }
}
