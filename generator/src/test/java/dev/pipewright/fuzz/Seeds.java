package dev.pipewright.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Real inputs to start from: the tests' resources, the shared corpus when present, and the crashers
 * found so far.
 */
public final class Seeds {
    private Seeds() {}

    /** A named input. */
    public record Seed(String name, byte[] data) {}

    /** The repository root: surefire's {@code pipewright.root}, else the parent of the module. */
    public static Path repoRoot() {
        String root = System.getProperty("pipewright.root");
        Path p =
                root != null && !root.isBlank()
                        ? Path.of(root)
                        : Path.of("").toAbsolutePath().getParent();
        return p.toAbsolutePath().normalize();
    }

    /** {@code ../shared} next to the repository (or its worktree parent), when present. */
    public static Path shared() {
        Path shared = repoRoot().resolveSibling("shared");
        return Files.isDirectory(shared) ? shared : repoRoot().getParent().resolveSibling("shared");
    }

    /**
     * Files under {@code dir} (relative to the repository root, or absolute) whose name passes
     * {@code names}, sorted.
     */
    public static List<Seed> files(Path dir, Predicate<String> names) {
        Path d = repoRoot().resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        List<Seed> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path f :
                    s.filter(Files::isRegularFile)
                            .filter(f -> names.test(f.getFileName().toString()))
                            .sorted()
                            .toList()) {
                if (Files.size(f) <= 4 * 1024 * 1024) {
                    out.add(new Seed(d.relativize(f).toString(), Files.readAllBytes(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Inline seeds, for surfaces whose real inputs are made by a test (keys, git logs). */
    public static Seed text(String name, String text) {
        return new Seed(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
