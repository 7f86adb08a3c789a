package dev.pipewright.codegen;

import java.util.Objects;

/**
 * One file the code generator writes: its path relative to the repository root (with {@code /}) and
 * its full text.
 *
 * @param path where the file goes, relative to the repository root
 * @param source the Java source, header included
 */
public record GeneratedSource(String path, String source) {
    public GeneratedSource {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(source, "source == null");
        if (path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException(
                    "path " + path + " is not relative with / separators");
        }
    }
}
