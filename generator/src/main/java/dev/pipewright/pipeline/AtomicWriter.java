package dev.pipewright.pipeline;

import dev.pipewright.github.FileTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Writes files so that a reader never sees half of one: every file goes to a temporary sibling
 * first, and only when all are written are they moved into place.
 */
public final class AtomicWriter {
    private AtomicWriter() {}

    /** Writes the files under root; returns the paths whose content changed. */
    public static List<String> write(Path root, Collection<GeneratedFile> files)
            throws IOException {
        // every target is checked before the first byte is written: one unwritable path writes
        // nothing at all
        for (GeneratedFile f : files) {
            writable(root.resolve(f.path()));
        }
        List<Path[]> moves = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        try {
            for (GeneratedFile f : files) {
                Path target = root.resolve(f.path());
                byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
                if (Files.isRegularFile(target)
                        && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path tmp =
                        Files.createTempFile(
                                target.getParent(), "." + target.getFileName(), ".tmp");
                moves.add(new Path[] {tmp, target});
                Files.write(tmp, bytes);
                // temporary files are created owner-only; generated files are read like any file of
                // the checkout
                FileTargets.setMode(tmp, FileTargets.PUBLIC);
                changed.add(f.path());
            }
            for (Path[] m : moves) {
                FileTargets.move(m[0], m[1]);
            }
        } finally {
            for (Path[] m : moves) {
                Files.deleteIfExists(m[0]);
            }
        }
        return changed;
    }

    /**
     * A target that is a directory, or under a path that is a file, is the user's mistake, not
     * ours.
     */
    private static void writable(Path target) {
        FileTargets.problem(target)
                .ifPresent(
                        p -> {
                            switch (p.kind()) {
                                case DIRECTORY ->
                                        throw new IllegalArgumentException(
                                                target
                                                        + " is a directory; Pipewright writes a file there");
                                case PARENT_NOT_DIRECTORY ->
                                        throw new IllegalArgumentException(
                                                p.at()
                                                        + " is a file, but "
                                                        + target
                                                        + " needs it to be a directory");
                                case NOT_REGULAR -> {} // replaced by the move, as any file of ours
                                    // would be
                            }
                        });
    }
}
