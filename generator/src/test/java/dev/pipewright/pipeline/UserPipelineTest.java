package dev.pipewright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project: one Java file run by the JDK's source launcher (what JBang does) with only the
 * generator and its dependencies on the class path, which is what depending on {@code
 * pipewright-generator} gives. Calling one of our actions needs its binding and nothing else:
 * generate writes the action.yml the workflow calls.
 */
class UserPipelineTest {
    @TempDir Path project;

    private static final String SCRIPT =
            """
            import dev.pipewright.model.*;
            import dev.pipewright.model.trigger.Trigger;
            import dev.pipewright.pipeline.Pipeline;
            import dev.pipewright.pipeline.Scripts;
            import dev.pipewright.stacks.actions.PipewrightHealthGate;
            import java.util.List;

            public class Pipelines {
                public static void main(String[] args) {
                    Scripts.run(args, new Deploy());
                }

                static final class Deploy implements Pipeline {
                    public String id() { return "deploy"; }
                    public String source() { return ".github/pipewright/Pipelines.java"; }
                    public String outputDirectory() { return ".github/workflows"; }
                    public List<Workflow> workflows() {
                        return List.of(Workflow.builder("deploy.yml")
                                .on(Trigger.workflowDispatch())
                                .permissions(Permissions.none())
                                .job(Job.builder("deploy").runsOn("ubuntu-24.04").timeoutMinutes(10)
                                        .permissions(Permissions.contentsRead())
                                        .step(Step.uses("actions/checkout@v7.0.1").with("persist-credentials", false).build())
                                        .step(Step.run("make deploy").build())
                                        .step(STEP)
                                        .build())
                                .build());
                    }
                }
            }
            """;

    private Process run(String step, String... args) throws IOException {
        Path script = project.resolve(".github/pipewright/Pipelines.java");
        Files.createDirectories(script.getParent());
        Files.writeString(script, SCRIPT.replace("STEP", step));
        String launcher = ProcessHandle.current().info().command().orElse("java");
        var command =
                new ArrayList<>(
                        List.of(
                                launcher,
                                "-cp",
                                System.getProperty("java.class.path"),
                                script.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--root", project.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process p) throws IOException, InterruptedException {
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    @Test
    void positiveAnActionBindingGetsItsActionFileWritten()
            throws IOException, InterruptedException {
        // the generator's tests run without the stacks module: the binding comes from the generator
        // itself
        assertThatThrownBy(() -> Class.forName("dev.pipewright.stacks.StackPipeline"))
                .isInstanceOf(ClassNotFoundException.class);
        Process generate =
                run(
                        "PipewrightHealthGate.builder().name(\"Wait for health\")"
                                + ".url(\"https://staging.example.com/healthz\").timeout(\"5m\").build()");
        String out = output(generate);
        assertThat(generate.exitValue()).as(out).isZero();
        assertThat(out).contains("wrote     .github/actions/pipewright-health-gate/action.yml");
        assertThat(Files.readString(project.resolve(".github/workflows/deploy.yml")))
                .contains("uses: ./.github/actions/pipewright-health-gate\n")
                .contains("url: https://staging.example.com/healthz\n");
        assertThat(
                        Files.readString(
                                project.resolve(
                                        ".github/actions/pipewright-health-gate/action.yml")))
                .contains("name: Pipewright health gate\n")
                .contains("    - health-gate\n");

        Process check =
                run(
                        "PipewrightHealthGate.builder().name(\"Wait for health\")"
                                + ".url(\"https://staging.example.com/healthz\").timeout(\"5m\").build()",
                        "check");
        String checked = output(check);
        assertThat(check.exitValue()).as(checked).isZero();
        assertThat(checked).contains("0 of 2 generated file(s) drifted");
    }

    @Test
    void negativeALocalActionThatWillNotExistStopsTheBuild()
            throws IOException, InterruptedException {
        Process generate =
                run("Step.uses(\"./.github/actions/deploy\").name(\"Roll out\").build()");
        String out = output(generate);
        assertThat(generate.exitValue()).as(out).isEqualTo(2);
        assertThat(out)
                .isEqualTo(
                        "pipewright: .github/workflows/deploy.yml: job 'deploy', step 'Roll out' uses"
                                + " ./.github/actions/deploy, which neither exists in the project nor is written by this generate"
                                + " (no .github/actions/deploy/action.yml); add the action there or return it from the pipeline's"
                                + " localActions()\n");
        assertThat(project.resolve(".github/workflows")).doesNotExist();
    }
}
