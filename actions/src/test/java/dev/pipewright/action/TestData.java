package dev.pipewright.action;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates test data: the copies in test resources, and {@code ../shared} beside the repository when
 * present.
 */
public final class TestData {
    private TestData() {}

    /** A file or directory under {@code src/test/resources}. */
    public static Path resource(String relative) {
        try {
            return Path.of(TestData.class.getResource("/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource missing: " + relative, e);
        }
    }

    public static Path sample(String relative) {
        return resource("coverage-samples/" + relative);
    }

    /**
     * {@code <root>/../shared/<relative>} if it exists (the root comes from surefire's
     * pipewright.root).
     */
    public static Optional<Path> shared(String relative) {
        String root = System.getProperty("pipewright.root");
        if (root == null) {
            return Optional.empty();
        }
        Path p = Path.of(root).resolve("../shared").resolve(relative).normalize();
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }
}
