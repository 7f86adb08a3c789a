package dev.pipewright.examples.gomicroservice;

import dev.pipewright.stacks.GoMicroserviceStack;
import dev.pipewright.stacks.StackConfig;
import dev.pipewright.stacks.StackPipeline;

/** The go-microservice system of docs/reference-pipelines.md, from the go-microservice stack. */
public final class GoMicroservicePipeline extends StackPipeline {
    public GoMicroservicePipeline() {
        super(
                "go-microservice",
                "examples/go-microservice/GoMicroservicePipeline.java",
                "generated-workflows/go-microservice",
                new GoMicroserviceStack(),
                settings());
    }

    static StackConfig settings() {
        return StackConfig.builder()
                .set(GoMicroserviceStack.IMAGE, "ghcr.io/${{ vars.GHCR_OWNER }}/service")
                .set(GoMicroserviceStack.STAGING_URL, "${{ vars.STAGING_URL }}/healthz")
                .set(GoMicroserviceStack.PRODUCTION_URL, "${{ vars.PRODUCTION_URL }}/healthz")
                .build();
    }
}
