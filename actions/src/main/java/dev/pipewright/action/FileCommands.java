package dev.pipewright.action;

import dev.pipewright.github.FileTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes the runner's file commands ({@code GITHUB_OUTPUT}, {@code GITHUB_ENV}, …) in one piece.
 */
public final class FileCommands {
    private static final SecureRandom RANDOM = new SecureRandom();

    private FileCommands() {}

    /**
     * {@code name<<DELIM\nvalue\nDELIM} entries; each delimiter is random and re-drawn until it
     * does not occur in the value, so no value can end its entry early or inject another output.
     */
    public static String heredocs(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().contains("\n")
                    || e.getKey().contains("<<")
                    || e.getKey().contains("=")) {
                throw new IllegalArgumentException("bad file-command key '" + e.getKey() + "'");
            }
            String value = e.getValue();
            String delim = delimiter();
            while (value.contains(delim) || e.getKey().contains(delim)) {
                delim = delimiter();
            }
            sb.append(e.getKey())
                    .append("<<")
                    .append(delim)
                    .append('\n')
                    .append(value)
                    .append('\n')
                    .append(delim)
                    .append('\n');
        }
        return sb.toString();
    }

    static String delimiter() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "ghadelimiter_" + HexFormat.of().formatHex(b);
    }

    /**
     * Appends {@code content} so that readers see all of it or none of it: the old content plus the
     * new is written to a temporary file beside the target and moved over it. Falls back to a plain
     * append where the directory does not allow that (a single bind-mounted file).
     */
    public static void appendAtomically(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".pipewright-", ".tmp");
        } catch (IOException e) {
            Files.writeString(
                    target,
                    content,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return;
        }
        try {
            if (Files.exists(target)) {
                Files.copy(target, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            // The temp file is 0600; the runner reading the file may not be the user this action
            // runs as.
            FileTargets.setMode(tmp, OutputFiles.modeFor(target));
            Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            FileTargets.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Replaces {@code target} with {@code content} through a temporary file beside it, so no reader
     * sees half of it.
     */
    public static void writeAtomically(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".pipewright-", ".tmp");
        try {
            FileTargets.setMode(tmp, OutputFiles.modeFor(target));
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            FileTargets.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
