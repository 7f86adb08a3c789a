package dev.pipewright.lint;

import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files a linted file refers to (local actions, reusable workflows), read once per {@link Linter}:
 * every workflow that calls a reusable workflow, and every rule that looks at it, would otherwise
 * parse it again. Thread-safe, as files are linted in parallel.
 */
public final class OtherFiles {
    private final Map<Path, Optional<YMap>> mappings = new ConcurrentHashMap<>();

    /** The top-level mapping of {@code file}; empty when it is unreadable or not a YAML mapping. */
    public Optional<YMap> mapping(Path file) {
        Optional<YMap> known = mappings.get(file);
        if (known == null) {
            // Read outside the map's lock: two threads may both read a file once, and either result
            // is the same.
            known = read(file);
            mappings.putIfAbsent(file, known);
        }
        return known;
    }

    /**
     * The root of {@code file} as the linter read it from its text, for files that are linted and
     * also referred to.
     */
    void offer(Path file, YNode root) {
        mappings.putIfAbsent(file, root instanceof YMap m ? Optional.of(m) : Optional.empty());
    }

    private static Optional<YMap> read(Path file) {
        try {
            YNode root =
                    new YamlLoader().load(Files.readString(file, StandardCharsets.UTF_8)).root();
            return root instanceof YMap m ? Optional.of(m) : Optional.empty();
        } catch (IOException e) {
            // Not UTF-8, unreadable, vanished: the caller reports the reference as it would a file
            // without the key.
            return Optional.empty();
        }
    }
}
