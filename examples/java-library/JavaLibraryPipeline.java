package dev.pipewright.examples.javalibrary;

import dev.pipewright.bindings.ActionsCheckout;
import dev.pipewright.bindings.ActionsSetupJava;
import dev.pipewright.bindings.ActionsUploadArtifact;
import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Job;
import dev.pipewright.model.Matrix;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.RunsOn;
import dev.pipewright.model.Step;
import dev.pipewright.model.Strategy;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.pipeline.Pipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Maven library: a CI matrix over JDKs and operating systems, and a tag-driven release that
 * publishes to a protected environment. The starting point for the reference pipelines.
 */
public final class JavaLibraryPipeline implements Pipeline {
    @Override
    public String id() {
        return "java-library";
    }

    @Override
    public String source() {
        return "examples/java-library/JavaLibraryPipeline.java";
    }

    @Override
    public String outputDirectory() {
        return "generated-workflows/java-library";
    }

    @Override
    public List<Workflow> workflows() {
        return List.of(ci(), release());
    }

    private static UsesStep checkout() {
        return ActionsCheckout.builder().name("Check out").persistCredentials(false).build();
    }

    private static UsesStep setupJava(Object version) {
        return ActionsSetupJava.builder()
                .name("Set up JDK")
                .distribution("temurin")
                .javaVersion(String.valueOf(version))
                .cache("maven")
                .build();
    }

    /**
     * The release builds without the Maven cache: a cache poisoned on the default branch would end
     * up in the jars.
     */
    private static UsesStep setupJavaUncached(Object version) {
        return ActionsSetupJava.builder()
                .name("Set up JDK")
                .distribution("temurin")
                .javaVersion(String.valueOf(version))
                .build();
    }

    /** A matrix entry in the order given (Map.of iterates in a different order on each JVM run). */
    private static Map<String, Object> entry(String... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static Workflow ci() {
        NormalJob test =
                Job.builder("test")
                        .name(
                                "test ("
                                        + Expr.matrix("os").wrapped()
                                        + ", JDK "
                                        + Expr.matrix("java").wrapped()
                                        + ")")
                        .runsOn(RunsOn.label(Expr.matrix("os").wrapped()))
                        .permissions(Permissions.contentsRead())
                        .timeoutMinutes(20)
                        .strategy(
                                Strategy.of(
                                                Matrix.builder()
                                                        .axis(
                                                                "os",
                                                                "ubuntu-24.04",
                                                                "windows-2025",
                                                                "macos-15")
                                                        .axis("java", "17", "21", "25")
                                                        .exclude(
                                                                entry(
                                                                        "os",
                                                                        "windows-2025",
                                                                        "java",
                                                                        "21"))
                                                        .build())
                                        .failFast(false))
                        .step(checkout())
                        .step(setupJava(Expr.matrix("java").wrapped()))
                        .step(Step.run("mvn -B verify").name("Build and test").id("test").build())
                        .build();
        NormalJob report =
                Job.builder("report")
                        .name("test matrix result")
                        .needs(test)
                        .ifCondition(Expr.always())
                        .runsOn(RunsOn.UBUNTU_24_04)
                        .permissions(Permissions.none())
                        .timeoutMinutes(5)
                        .step(
                                Step.run(
                                                "echo \"test matrix finished: $RESULT\"\ntest \"$RESULT\" = success\n")
                                        .name("Summarise the matrix")
                                        .env("RESULT", test.result())
                                        .build())
                        .build();
        return Workflow.builder("ci.yml")
                .name("CI")
                .on(
                        Trigger.push().branches("main").pathsIgnore("**.md"),
                        Trigger.pullRequest().branches("main"),
                        Trigger.schedule("17 3 * * 1"),
                        Trigger.workflowDispatch())
                .permissions(Permissions.none())
                .concurrency(
                        Concurrency.of(
                                "ci-" + Expr.github("ref").wrapped(),
                                Expr.github("event_name").eq(Expr.lit("pull_request")).wrapped()))
                .job(test)
                .job(report)
                .build();
    }

    static Workflow release() {
        RunStep version =
                Step.run("echo \"version=${GITHUB_REF_NAME#v}\" >> \"$GITHUB_OUTPUT\"")
                        .name("Read the version from the tag")
                        .id("version")
                        .build();
        NormalJob build =
                Job.builder("build")
                        .name("build")
                        .runsOn(RunsOn.UBUNTU_24_04)
                        .permissions(Permissions.contentsRead())
                        .timeoutMinutes(15)
                        .output("version", version.output("version"))
                        .step(checkout())
                        .step(setupJavaUncached(17))
                        .step(version)
                        .step(
                                Step.run("mvn -B -Drevision=\"$VERSION\" verify")
                                        .name("Build")
                                        .env("VERSION", version.output("version"))
                                        .build())
                        .step(
                                ActionsUploadArtifact.builder("target/*.jar")
                                        .name("Keep the jars")
                                        .nameInput("jars")
                                        .retentionDays(7)
                                        .build())
                        .build();
        NormalJob publish =
                Job.builder("publish")
                        .name("GitHub release")
                        .needs(build)
                        .runsOn(RunsOn.UBUNTU_24_04)
                        .environment(
                                Environment.of(
                                        "maven-central",
                                        "https://central.sonatype.com/artifact/dev.example/library/"
                                                + build.output("version").wrapped()))
                        .permissions(
                                Permissions.of(
                                        PermissionScope.CONTENTS,
                                        PermissionLevel.WRITE,
                                        "gh release create makes the release"))
                        .timeoutMinutes(10)
                        .step(
                                Step.run("gh release create \"$TAG\" --verify-tag --generate-notes")
                                        .name("Create the GitHub release")
                                        .env("GH_TOKEN", Expr.github("token"))
                                        .env("GH_REPO", Expr.github("repository"))
                                        .env("TAG", Expr.github("ref_name"))
                                        .build())
                        .build();
        return Workflow.builder("release.yml")
                .name("Release")
                .on(Trigger.push().tags("v*.*.*"))
                .permissions(Permissions.none())
                .concurrency(Concurrency.of("release", false))
                .job(build)
                .job(publish)
                .build();
    }
}
