package dev.pipewright.lint;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the repository and the shared data next to it for tests. */
final class TestFiles {
    private TestFiles() {}

    /** The repository root: surefire's {@code pipewright.root}, else the parent of the module. */
    static Path repoRoot() {
        String root = System.getProperty("pipewright.root");
        Path p =
                root != null && !root.isBlank()
                        ? Path.of(root)
                        : Path.of("").toAbsolutePath().getParent();
        return p.toAbsolutePath().normalize();
    }

    /** {@code ../shared} next to the repository; the test is skipped when it is absent. */
    static Path sharedDir() {
        Path shared = repoRoot().resolveSibling("shared");
        if (!Files.isDirectory(shared)) {
            shared = repoRoot().getParent().resolveSibling("shared");
        }
        Assumptions.assumeTrue(Files.isDirectory(shared), "../shared is not present; skipping");
        return shared;
    }
}
