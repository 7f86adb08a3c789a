package dev.pipewright.examples.polyglotplatform;

import dev.pipewright.stacks.PolyglotPlatformStack;
import dev.pipewright.stacks.StackConfig;
import dev.pipewright.stacks.StackPipeline;

/**
 * The polyglot-platform system of docs/reference-pipelines.md, from the polyglot-platform stack.
 */
public final class PolyglotPlatformPipeline extends StackPipeline {
    public PolyglotPlatformPipeline() {
        super(
                "polyglot-platform",
                "examples/polyglot-platform/PolyglotPlatformPipeline.java",
                "generated-workflows/polyglot-platform",
                new PolyglotPlatformStack(),
                settings());
    }

    static StackConfig settings() {
        return StackConfig.builder()
                .set(PolyglotPlatformStack.REGISTRY, "${{ vars.ACR_LOGIN_SERVER }}")
                .build();
    }
}
