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
        // every target is checked before the first byte is written: one unwritable path writes nothing at all
        for (GeneratedFile f : files) {
            writable(root, root.resolve(f.path()));
        }
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
                readable(tmp);
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

    /** A target that is a directory, or under a path that is a file, is the user's mistake, not ours. */
    private static void writable(Path root, Path target) {
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is a directory; Pipewright writes a file there");
        }
        for (Path p = target.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException(p + " is a file, but " + target + " needs it to be a directory");
            }
            if (Files.isDirectory(p)) {
                return;
            }
        }
    }

    /** Temporary files are created owner-only; generated files are as readable as any other file of the checkout. */
    private static void readable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
