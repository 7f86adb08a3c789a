package dev.pipewright.examples.k8scontroller;

import dev.pipewright.stacks.K8sControllerStack;
import dev.pipewright.stacks.StackConfig;
import dev.pipewright.stacks.StackPipeline;

/** The k8s-controller system of docs/reference-pipelines.md, from the k8s-controller stack. */
public final class K8sControllerPipeline extends StackPipeline {
    public K8sControllerPipeline() {
        super(
                "k8s-controller",
                "examples/k8s-controller/K8sControllerPipeline.java",
                "generated-workflows/k8s-controller",
                new K8sControllerStack(),
                settings());
    }

    static StackConfig settings() {
        return StackConfig.builder()
                .set(
                        K8sControllerStack.IMAGE,
                        "ghcr.io/${{ vars.GHCR_OWNER }}/timewindow-controller")
                .build();
    }
}
