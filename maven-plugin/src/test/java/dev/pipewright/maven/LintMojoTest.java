package dev.pipewright.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint goal's threshold, reports and skip, without a Maven build (the ITs cover the real one).
 */
class LintMojoTest {
    @TempDir Path root;

    private final LintMojo mojo = new LintMojo();

    @BeforeEach
    void aWorkflowWithOneErrorFinding() throws IOException {
        Path ci = root.resolve(".github/workflows/ci.yml");
        Files.createDirectories(ci.getParent());
        Files.writeString(
                ci,
                """
                on: push
                permissions:
                  contents: read
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    timeout-minutes: 10
                    needs: missing
                    steps:
                      - run: echo hello
                """);
        mojo.projectRoot = root.toFile();
        mojo.paths = List.of(".github");
        mojo.reportDirectory = root.resolve("target").toFile();
        mojo.failOn = "error";
    }

    @Test
    void negativeAnErrorFailsTheBuildAndBothReportsAreWritten() {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("1 lint finding(s) at or above error");
        assertThat(root.resolve("target/pipewright-lint.sarif"))
                .content()
                .contains("\"ruleId\"", "job-needs");
        assertThat(root.resolve("target/pipewright-lint.json")).content().contains("job-needs");
    }

    @Test
    void positiveNoneOnlyReports() throws Exception {
        mojo.failOn = "none";
        mojo.execute();
        assertThat(root.resolve("target/pipewright-lint.sarif")).exists();
    }

    @Test
    void positiveSkipDoesNothing() throws Exception {
        mojo.skip = true;
        mojo.execute();
        assertThat(root.resolve("target")).doesNotExist();
    }

    @Test
    void negativeAnUnknownSeverityIsAConfigurationError() {
        mojo.failOn = "fatal";
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("failOn \"fatal\" is not error, warning, note or none");
    }

    @Test
    void negativeAMissingPathIsAConfigurationError() {
        mojo.paths = List.of("workflows");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("workflows: no such file or directory");
    }

    /**
     * One report that cannot be written (a folder where it goes) writes neither: no half-updated
     * pair.
     */
    @Test
    void negativeAnUnwritableReportWritesNeither() throws IOException {
        Files.createDirectories(root.resolve("target/pipewright-lint.json"));
        mojo.failOn = "none";
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("cannot write the reports")
                .hasMessageContaining("pipewright-lint.json is a directory");
        assertThat(root.resolve("target/pipewright-lint.sarif")).doesNotExist();
    }
}
