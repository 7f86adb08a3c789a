package dev.pipewright.action.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the paths reports use (absolute build paths, Go import paths, JaCoCo package paths) into
 * repository paths, and finds the coverage of a file named in a diff, matching whole path segments
 * only and only when unambiguous.
 */
public final class PathMapper {
    private final Path root;
    private final String goModule;

    public PathMapper(Path root, String goModule) {
        this.root = root.toAbsolutePath().normalize();
        this.goModule = goModule;
    }

    /** Reads the module path from {@code go.mod} at the workspace root, if there is one. */
    public static PathMapper forWorkspace(Path root) {
        Path goMod = root.resolve("go.mod");
        String module = null;
        if (Files.isRegularFile(goMod)) {
            try {
                for (String line : Files.readAllLines(goMod)) {
                    String t = line.trim();
                    if (t.startsWith("module ")) {
                        module = t.substring(7).trim().replace("\"", "");
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PathMapper(root, module);
    }

    public String normalize(String reportPath) {
        String p = reportPath.replace('\\', '/');
        String rootText = root.toString().replace('\\', '/') + "/";
        if (p.startsWith(rootText)) {
            p = p.substring(rootText.length());
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (goModule != null && p.startsWith(goModule + "/")) {
            p = p.substring(goModule.length() + 1);
        }
        return p;
    }

    /**
     * The coverage of repository path {@code repoPath}: the same path, else the only file whose
     * path ends with it or that it ends with, at a '/' boundary ({@code src/main/java/a/B.java} ↔
     * {@code a/B.java}).
     */
    public Optional<FileCoverage> find(CoverageData data, String repoPath) {
        FileCoverage exact = data.get(repoPath);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<FileCoverage> hits = new ArrayList<>();
        for (FileCoverage f : data.files()) {
            String c = f.path();
            if (repoPath.endsWith("/" + c) || c.endsWith("/" + repoPath)) {
                hits.add(f);
            }
        }
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /** The package of a file: its directory ("." at the top). */
    public static String packageOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}
