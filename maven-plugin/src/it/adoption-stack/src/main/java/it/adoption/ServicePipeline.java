package it.adoption;

import dev.pipewright.model.Step;
import dev.pipewright.stacks.JavaServiceStack;
import dev.pipewright.stacks.StackConfig;
import dev.pipewright.stacks.StackOverride;
import dev.pipewright.stacks.StackPipeline;

/**
 * The service's CI and release from the java-service stack, with a dependency report added after
 * the build.
 */
public final class ServicePipeline extends StackPipeline {
    public ServicePipeline() {
        super(
                "service",
                "src/main/java/it/adoption/ServicePipeline.java",
                ".github/workflows",
                new JavaServiceStack(),
                StackConfig.builder()
                        .set(JavaServiceStack.COVERAGE, 75)
                        .override(
                                StackOverride.addStep(
                                                "ci.yml",
                                                "build",
                                                Step.run("mvn -B -ntp dependency:tree")
                                                        .id("dependency-tree")
                                                        .name("Dependency tree")
                                                        .build())
                                        .after("build"))
                        .build(),
                "mvn process-classes dev.pipewright:pipewright-maven-plugin:generate");
    }
}
