package dev.pipewright.github;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * What every writer of Pipewright's outputs (generated files, action outputs) needs: whether a path
 * can become a file before anything is written, the move into place, and the mode of a file others
 * read. It sits with GitHub's rules, which every module may use, because both the generator and the
 * action runtime write files that later steps of a runner's job read, and the action runtime does
 * not depend on the generator.
 */
public final class FileTargets {
    /**
     * Mode of files that others read: later workflow steps may run as another user than the one
     * writing them.
     */
    public static final Set<PosixFilePermission> PUBLIC =
            PosixFilePermissions.fromString("rw-r--r--");

    private FileTargets() {}

    /** Why a path cannot become a file. */
    public enum Kind {
        /** The path is a directory. */
        DIRECTORY,
        /** The path exists and is neither a regular file nor a directory (a FIFO, a device). */
        NOT_REGULAR,
        /** An ancestor ({@link Problem#at()}) exists and is not a directory. */
        PARENT_NOT_DIRECTORY
    }

    /** A reason and the path it is about. */
    public record Problem(Kind kind, Path at) {}

    /**
     * The reason {@code target} cannot be written as a file, if there is one; nothing is created or
     * changed.
     */
    public static Optional<Problem> problem(Path target) {
        if (Files.isDirectory(target)) {
            return Optional.of(new Problem(Kind.DIRECTORY, target));
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && Files.exists(target)
                && !Files.isRegularFile(target)) {
            return Optional.of(new Problem(Kind.NOT_REGULAR, target));
        }
        for (Path p = target.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                break;
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(new Problem(Kind.PARENT_NOT_DIRECTORY, p));
            }
        }
        return Optional.empty();
    }

    /** Moves atomically where the file system can, else plainly; the target is replaced. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(
                    from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Sets the mode where the file system has POSIX permissions; elsewhere does nothing. */
    public static void setMode(Path file, Set<PosixFilePermission> mode) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, mode);
        }
    }
}
