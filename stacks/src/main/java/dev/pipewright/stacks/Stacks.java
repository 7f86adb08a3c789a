package dev.pipewright.stacks;

import java.util.List;
import java.util.Optional;

/** The registry of built-in stacks. */
public final class Stacks {
    private static final List<Stack> ALL =
            List.of(
                    new GoVaultPluginStack(),
                    new PythonServiceStack(),
                    new GoMicroserviceStack(),
                    new K8sControllerStack(),
                    new PolyglotPlatformStack(),
                    new NodeServiceStack(),
                    new JavaServiceStack());

    private Stacks() {}

    public static List<Stack> all() {
        return ALL;
    }

    public static Optional<Stack> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
