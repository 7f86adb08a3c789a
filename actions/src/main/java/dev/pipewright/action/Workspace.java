package dev.pipewright.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The directory user paths are resolved against; on a runner ({@code $GITHUB_WORKSPACE} set) paths
 * that escape it, also through symlinks, are refused so a workflow input cannot make the action
 * read the runner's files.
 */
public final class Workspace {
    private final Path root;
    private final boolean confined;

    public Workspace(Path root, boolean confined) {
        this.root = root.toAbsolutePath().normalize();
        this.confined = confined;
    }

    public Path root() {
        return root;
    }

    /**
     * Resolves a path given in input {@code input}; fails with exit 2 when it leaves the workspace.
     */
    public Path resolve(String input, String path) {
        Path p = root.resolve(path).normalize();
        check(input, path, p);
        return p;
    }

    /**
     * Resolves {@code given} (input {@code input}) to an existing regular file; a directory or a
     * missing path is bad input whose message says which.
     */
    public Path existingFile(String input, String given) {
        Path p = resolve(input, given);
        if (Files.isRegularFile(p)) {
            return p;
        }
        if (Files.isDirectory(p)) {
            throw notAFile(input, given);
        }
        throw new InputException(given + ":1: no such file (input '" + input + "')");
    }

    static InputException notAFile(String input, String given) {
        return new InputException(given + " is a directory, not a file (input '" + input + "')");
    }

    private void check(String input, String given, Path p) {
        if (!confined) {
            return;
        }
        boolean inside = p.startsWith(root);
        if (inside && Files.exists(p)) {
            try {
                inside = p.toRealPath().startsWith(root.toRealPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!inside) {
            throw InputException.forInput(
                    input,
                    "path '"
                            + given
                            + "' is outside the workspace "
                            + root
                            + "; give a path inside the repository checkout");
        }
    }

    /** Path as shown to users: relative to the workspace with '/' separators when inside it. */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    /**
     * Expands each pattern (plain path or glob with {@code * ? ** [..] {..}}) to existing regular
     * files, sorted and de-duplicated; a pattern that matches nothing is an error in {@code
     * file:line: reason} form.
     */
    public List<Path> glob(String input, List<String> patterns) {
        TreeSet<Path> out = new TreeSet<>();
        for (String pattern : patterns) {
            List<Path> found = globOne(input, pattern);
            if (found.isEmpty()) {
                if (!pattern.matches(".*[*?\\[{].*")
                        && Files.isDirectory(resolve(input, pattern))) {
                    throw new InputException(
                            pattern
                                    + " is a directory, not a file (input '"
                                    + input
                                    + "'); to take the files in it give a glob such as '"
                                    + pattern.replaceAll("/+$", "")
                                    + "/**'");
                }
                throw new InputException(
                        pattern
                                + ":1: no such file (input '"
                                + input
                                + "', searched in "
                                + root
                                + ")");
            }
            out.addAll(found);
        }
        return new ArrayList<>(out);
    }

    private List<Path> globOne(String input, String pattern) {
        String norm = pattern.replace('\\', '/');
        String[] parts = norm.split("/", -1);
        int firstGlob = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].matches(".*[*?\\[{].*")) {
                firstGlob = i;
                break;
            }
        }
        if (firstGlob < 0) {
            Path p = resolve(input, pattern);
            return Files.isRegularFile(p) ? List.of(p) : List.of();
        }
        String baseText = String.join("/", Arrays.copyOfRange(parts, 0, firstGlob));
        if (baseText.isEmpty() && norm.startsWith("/")) {
            baseText = "/";
        }
        Path base = resolve(input, baseText.isEmpty() ? "." : baseText);
        String rest = String.join("/", Arrays.copyOfRange(parts, firstGlob, parts.length));
        List<PathMatcher> matchers = new ArrayList<>();
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest));
        // Java's "**/x" needs at least one directory; users expect it to match "x" at the top too.
        if (rest.startsWith("**/")) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest.substring(3)));
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(Files::isRegularFile)
                    .filter(
                            p ->
                                    !base.relativize(p)
                                            .toString()
                                            .replace('\\', '/')
                                            .startsWith(".git/"))
                    .filter(p -> matchers.stream().anyMatch(m -> m.matches(base.relativize(p))))
                    .peek(p -> check(input, pattern, p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
