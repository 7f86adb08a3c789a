package dev.pipewright.examples.pythonservice;

import dev.pipewright.stacks.PythonServiceStack;
import dev.pipewright.stacks.StackConfig;
import dev.pipewright.stacks.StackPipeline;

/** The python-service system of docs/reference-pipelines.md, from the python-service stack. */
public final class PythonServicePipeline extends StackPipeline {
    public PythonServicePipeline() {
        super(
                "python-service",
                "examples/python-service/PythonServicePipeline.java",
                "generated-workflows/python-service",
                new PythonServiceStack(),
                settings());
    }

    static StackConfig settings() {
        return StackConfig.builder()
                .set(PythonServiceStack.IMAGE, "ghcr.io/${{ vars.GHCR_OWNER }}/drive-simulator")
                .build();
    }
}
