package dev.pipewright.pipeline;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Compares freshly rendered files with the copies under a project root, byte for byte. */
public final class DriftCheck {
    private DriftCheck() {}

    /**
     * Every drifted file, in path order: missing and changed files, and generated-looking files in
     * the output directories that nothing produces any more.
     */
    public static List<Drift> compare(
            Path root, Collection<GeneratedFile> files, Collection<String> outputDirectories) {
        List<Drift> drifts = new ArrayList<>();
        Set<String> produced = new TreeSet<>();
        for (GeneratedFile f :
                files.stream().sorted(Comparator.comparing(GeneratedFile::path)).toList()) {
            produced.add(f.path());
            Path onDisk = root.resolve(f.path());
            if (!Files.isRegularFile(onDisk)) {
                drifts.add(
                        Drift.of(
                                f.path(),
                                Drift.Kind.MISSING,
                                unifiedDiff(f.path(), "", f.content()),
                                f.content()));
                continue;
            }
            String current = read(onDisk);
            if (!current.equals(f.content())) {
                drifts.add(
                        Drift.of(
                                f.path(),
                                Drift.Kind.CHANGED,
                                unifiedDiff(f.path(), current, f.content()),
                                f.content()));
            }
        }
        for (String dir : new TreeSet<>(outputDirectories)) {
            for (String stale : staleFiles(root, dir, produced)) {
                drifts.add(
                        Drift.of(
                                stale,
                                Drift.Kind.STALE,
                                unifiedDiff(stale, read(root.resolve(stale)), ""),
                                ""));
            }
        }
        return drifts;
    }

    /** Generated-looking files directly in dir that are not among the produced paths, sorted. */
    static List<String> staleFiles(Path root, String dir, Set<String> produced) {
        Path d = root.resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(
                            p ->
                                    p.toString().endsWith(".yml")
                                            || p.toString().endsWith(".yaml")
                                            || p.toString().endsWith(".md"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !produced.contains(p))
                    .filter(p -> PipelineRenderer.isGenerated(read(root.resolve(p))))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + d + ": " + e.getMessage(), e);
        }
    }

    /**
     * A unified diff from the committed text to the expected text, with a/ and b/ prefixes like
     * git.
     */
    static String unifiedDiff(String path, String committed, String expected) {
        List<String> a = lines(committed);
        List<String> b = lines(expected);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out =
                UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, 3);
        StringBuilder sb = new StringBuilder();
        for (String line : out) {
            sb.append(line).append('\n');
        }
        if (!committed.isEmpty() && !committed.endsWith("\n") && !committed.equals(expected)) {
            sb.append("\\ No newline at end of file (committed copy)\n");
        }
        return sb.toString();
    }

    private static List<String> lines(String s) {
        if (s.isEmpty()) {
            return List.of();
        }
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return List.of(body.split("\n", -1));
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
