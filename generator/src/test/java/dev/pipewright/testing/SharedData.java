package dev.pipewright.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locates the repository root and the {@code ../shared} folder beside it (corpus, oracles,
 * reference data), which is not part of the repository, so tests that need it skip without it.
 */
public final class SharedData {
    private static final Pattern PARENT_BLOCK = Pattern.compile("(?s)<parent>.*?</parent>");
    private static final Pattern ARTIFACT_ID =
            Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");

    private SharedData() {}

    /**
     * The repository root: system property {@code pipewright.root} (set by surefire), else the
     * nearest directory up from the working directory whose pom.xml is {@code pipewright-parent}.
     */
    public static Optional<Path> repoRoot() {
        String configured = System.getProperty("pipewright.root");
        if (configured != null && !configured.isBlank()) {
            Path root = Paths.get(configured).toAbsolutePath().normalize();
            if (isParentPom(root)) {
                return Optional.of(root);
            }
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isParentPom(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code shared} directory next to the repository root. In a linked git worktree the root
     * is elsewhere, so the main working tree's sibling is tried too; system property {@code
     * pipewright.shared} overrides both.
     */
    public static Optional<Path> shared() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("pipewright.shared");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Paths.get(configured));
        }
        repoRoot()
                .ifPresent(
                        root -> {
                            candidates.add(root.resolveSibling("shared"));
                            mainWorkingTree(root)
                                    .ifPresent(
                                            main -> candidates.add(main.resolveSibling("shared")));
                        });
        return candidates.stream()
                .filter(Files::isDirectory)
                .map(p -> p.toAbsolutePath().normalize())
                .findFirst();
    }

    /**
     * {@code shared/relative}, or a skipped test (JUnit assumption) when the shared folder or the
     * file is absent.
     */
    public static Path require(String relative) {
        Optional<Path> shared = shared();
        assumeTrue(
                shared.isPresent(),
                () ->
                        "skipped: the shared folder (../shared next to the repository root "
                                + repoRoot().map(Path::toString).orElse("<not found>")
                                + ") is not available");
        Path path = shared.get().resolve(relative);
        assumeTrue(Files.exists(path), () -> "skipped: shared data " + path + " is absent");
        return path;
    }

    private static boolean isParentPom(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            // a module's pom names pipewright-parent inside <parent>; only the project's own id
            // counts
            String text = PARENT_BLOCK.matcher(Files.readString(pom)).replaceAll("");
            Matcher m = ARTIFACT_ID.matcher(text);
            return m.find() && m.group(1).equals("pipewright-parent");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a linked worktree has a .git file "gitdir: <main>/.git/worktrees/<name>", whose commondir
    // file points at the main repository's .git directory
    private static Optional<Path> mainWorkingTree(Path root) {
        Path dotGit = root.resolve(".git");
        if (!Files.isRegularFile(dotGit)) {
            return Optional.empty();
        }
        try {
            String line = Files.readString(dotGit).strip();
            if (!line.startsWith("gitdir:")) {
                return Optional.empty();
            }
            Path gitDir = root.resolve(line.substring("gitdir:".length()).strip()).normalize();
            Path commonDirFile = gitDir.resolve("commondir");
            Path common =
                    Files.isRegularFile(commonDirFile)
                            ? gitDir.resolve(Files.readString(commonDirFile).strip()).normalize()
                            : gitDir;
            return Optional.ofNullable(common.getParent());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
