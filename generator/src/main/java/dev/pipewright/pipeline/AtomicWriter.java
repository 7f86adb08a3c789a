package dev.pipewright.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes files so that a reader never sees half of one: every file goes to a temporary sibling
 * first, and only when all are written are they moved into place.
 */
public final class AtomicWriter {
    private AtomicWriter() {}

    /** Writes the files under root; returns the paths whose content changed. */
    public static List<String> write(Path root, Collection<GeneratedFile> files) throws IOException {
        List<Path[]> moves = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        try {
            for (GeneratedFile f : files) {
                Path target = root.resolve(f.path());
                byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
                if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                moves.add(new Path[] {tmp, target});
                Files.write(tmp, bytes);
                changed.add(f.path());
            }
            for (Path[] m : moves) {
                move(m[0], m[1]);
            }
        } finally {
            for (Path[] m : moves) {
                Files.deleteIfExists(m[0]);
            }
        }
        return changed;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
