package dev.pipewright.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * How the committed tree differs from what the generators make: a file missing or with other
 * content, and a file that carries the generated header in an output directory but is produced by
 * nothing any more (a removed catalog entry or action).
 */
public final class DriftCheck {
    /**
     * One difference.
     *
     * @param path relative to the repository root
     * @param expected what the file must contain, or null when it must not exist
     * @param actual what it contains, or null when it does not exist
     */
    public record Drift(String path, String expected, String actual) {
        /** One line naming the file, what is wrong and the command that fixes it. */
        public String message() {
            String what =
                    actual == null
                            ? "is missing"
                            : expected == null
                                    ? "is generated but no source produces it any more"
                                    : "differs from what its source generates";
            return path + " " + what + "; regenerate with: " + JavaSources.REGENERATE;
        }
    }

    private DriftCheck() {}

    /** Every difference, sorted by path. */
    public static List<Drift> compare(Path root, List<GeneratedSource> sources) {
        Map<String, Drift> drift = new TreeMap<>();
        Set<String> directories = new TreeSet<>();
        Set<String> produced = new TreeSet<>();
        for (GeneratedSource s : sources) {
            produced.add(s.path());
            directories.add(s.path().substring(0, s.path().lastIndexOf('/')));
            String actual = read(root.resolve(s.path()));
            if (!s.source().equals(actual)) {
                drift.put(s.path(), new Drift(s.path(), s.source(), actual));
            }
        }
        for (String dir : directories) {
            for (String stale : generatedFiles(root, dir)) {
                if (!produced.contains(stale)) {
                    drift.put(stale, new Drift(stale, null, read(root.resolve(stale))));
                }
            }
        }
        return List.copyOf(drift.values());
    }

    /** The generated Java files directly in {@code dir}, relative to the root. */
    static List<String> generatedFiles(Path root, String dir) {
        Path d = root.resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(d)) {
            List<String> out = new ArrayList<>();
            for (Path p :
                    files.filter(f -> f.getFileName().toString().endsWith(".java"))
                            .sorted()
                            .toList()) {
                if (JavaSources.isGenerated(read(p))) {
                    out.add(dir + "/" + p.getFileName());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
