package dev.pipewright.pipeline;

import java.util.Objects;

/** A file Pipewright writes: its path relative to the project root, and its exact content. */
public record GeneratedFile(String path, String content) {
    public GeneratedFile {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(content, "content == null");
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException(
                    "generated path '" + path + "' must be relative, with / separators");
        }
    }
}
