package dev.pipewright.examples.govaultplugin;

import dev.pipewright.stacks.GoVaultPluginStack;
import dev.pipewright.stacks.StackConfig;
import dev.pipewright.stacks.StackPipeline;
import java.util.List;

/**
 * The Vault secrets-engine plugin of docs/reference-pipelines.md §1, from the go-vault-plugin
 * stack.
 */
public final class GoVaultPluginPipeline extends StackPipeline {
    public GoVaultPluginPipeline() {
        super(
                "go-vault-plugin",
                "examples/go-vault-plugin/GoVaultPluginPipeline.java",
                "generated-workflows/go-vault-plugin",
                new GoVaultPluginStack(),
                settings());
    }

    static StackConfig settings() {
        return StackConfig.builder()
                .set(GoVaultPluginStack.PLUGIN, "vault-plugin-secrets-payments")
                .set(
                        GoVaultPluginStack.IMAGE,
                        "ghcr.io/${{ vars.GHCR_OWNER }}/vault-plugin-secrets-payments")
                .set(GoVaultPluginStack.COVERAGE, 80)
                .set(
                        GoVaultPluginStack.MOUNTS,
                        List.of("dev=order", "staging=purchase", "production=payment"))
                .build();
    }
}
