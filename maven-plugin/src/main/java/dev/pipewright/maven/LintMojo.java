package dev.pipewright.maven;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.report.JsonReporter;
import dev.pipewright.lint.report.Reporter;
import dev.pipewright.lint.report.SarifReporter;
import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.pipeline.AtomicWriter;
import dev.pipewright.pipeline.GeneratedFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code pipewright:lint}: lints workflows and action metadata, writes SARIF and JSON reports, and
 * fails the build on findings at or above {@code failOn}.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class LintMojo extends AbstractMojo {

    /**
     * The directory that {@code paths}, the configuration and the reported file names are relative
     * to.
     */
    @Parameter(property = "pipewright.projectRoot", defaultValue = "${project.basedir}")
    File projectRoot;

    /** Workflow files, action.yml files or directories to lint, relative to {@code projectRoot}. */
    @Parameter(property = "pipewright.lint.paths", defaultValue = ".github")
    List<String> paths = new ArrayList<>(List.of(".github"));

    /**
     * The least severe finding that fails the build: {@code error}, {@code warning} or {@code note}
     * (every finding), or {@code none} to only report.
     */
    @Parameter(property = "pipewright.lint.failOn", defaultValue = "note")
    String failOn;

    /**
     * The linter's configuration (default: {@code .github/pipewright-lint.yml} under the root, when
     * present).
     */
    @Parameter(property = "pipewright.lint.config")
    File config;

    /** Where {@code pipewright-lint.sarif} and {@code pipewright-lint.json} are written. */
    @Parameter(
            property = "pipewright.lint.reportDirectory",
            defaultValue = "${project.build.directory}")
    File reportDirectory;

    /** Skip this goal. */
    @Parameter(property = "pipewright.lint.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("pipewright: lint skipped");
            return;
        }
        Optional<Severity> threshold = threshold();
        Path root = projectRoot.toPath().toAbsolutePath().normalize();
        List<Path> targets = new ArrayList<>();
        for (String p : paths) {
            Path abs = root.resolve(p);
            if (!Files.exists(abs)) {
                throw new MojoExecutionException(
                        "pipewright lint: " + p + ": no such file or directory under " + root);
            }
            targets.add(abs);
        }
        List<Finding> findings;
        try {
            findings = new Linter(config(root)).lintPaths(targets, root);
        } catch (IOException e) {
            throw new MojoExecutionException("pipewright lint: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(
                    "pipewright lint: bad configuration: " + e.getMessage(), e);
        }
        writeReports(findings, root);
        int failing = 0;
        for (Finding f : findings) {
            boolean fails = f.severity().failsAt(threshold);
            failing += fails ? 1 : 0;
            String line = f.format() + " (" + f.severity().label() + ")";
            if (f.severity() == Severity.ERROR) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        getLog().info(
                        "pipewright: "
                                + findings.size()
                                + " finding(s); reports in "
                                + reportDirectory);
        if (failing > 0) {
            throw new MojoFailureException(
                    failing
                            + " lint finding(s) at or above "
                            + failOn
                            + "; see the log or "
                            + new File(reportDirectory, "pipewright-lint.sarif"));
        }
    }

    /** The failing severity, empty for none; an unknown name is a configuration error. */
    private Optional<Severity> threshold() throws MojoExecutionException {
        try {
            return Severity.failLevel(failOn == null ? "note" : failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(
                    "pipewright lint: failOn \""
                            + failOn
                            + "\" is not error, warning, note or none",
                    e);
        }
    }

    private LintConfig config(Path root) throws IOException, MojoExecutionException {
        if (config != null) {
            if (!config.isFile()) {
                throw new MojoExecutionException(
                        "pipewright lint: configuration " + config + ": no such file");
            }
            return LintConfig.load(config.toPath());
        }
        return LintConfig.forProject(root);
    }

    private void writeReports(List<Finding> findings, Path root) throws MojoExecutionException {
        Reporter.SourceLines sources = Reporter.SourceLines.from(root);
        try {
            // both reports or neither, each complete: a reader (code scanning upload) never sees
            // half of one
            AtomicWriter.write(
                    reportDirectory.toPath(),
                    List.of(
                            new GeneratedFile(
                                    "pipewright-lint.sarif",
                                    new SarifReporter()
                                            .render(findings, BuiltInRules.all(), sources)),
                            new GeneratedFile(
                                    "pipewright-lint.json",
                                    new JsonReporter()
                                            .render(findings, BuiltInRules.all(), sources))));
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException(
                    "pipewright lint: cannot write the reports: " + e.getMessage(), e);
        }
    }
}
