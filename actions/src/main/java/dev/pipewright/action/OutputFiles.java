package dev.pipewright.action;

import dev.pipewright.github.FileTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Commits an action's staged files all or nothing: every target is checked before the first byte is
 * written, each file is written beside its target and moved into place, and a move that still fails
 * undoes the earlier ones.
 */
final class OutputFiles {
    /**
     * Mode of ordinary outputs: later steps of the job may run as another user than the container
     * action.
     */
    static final Set<PosixFilePermission> PUBLIC = FileTargets.PUBLIC;

    static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    /**
     * A file staged by {@link ActionContext#writeFile}; {@code input} names the input that chose
     * the path, if any.
     */
    record Staged(Path path, String content, String input, boolean secret) {
        Staged {
            path = path.toAbsolutePath().normalize();
        }
    }

    private final Function<Path, String> display;
    private final List<Path> createdDirs = new ArrayList<>();
    private final List<Path> temps = new ArrayList<>();

    OutputFiles(Function<Path, String> display) {
        this.display = display;
    }

    /**
     * Writes all files or none; a target that cannot be a file fails with exit 2 before anything is
     * written.
     */
    void commit(Collection<Staged> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        for (Staged f : files) {
            validate(f, files);
        }
        List<Path> tmps = new ArrayList<>();
        List<Path> backups = new ArrayList<>();
        List<Staged> moved = new ArrayList<>();
        Staged current = null;
        boolean done = false;
        try {
            for (Staged f : files) {
                current = f;
                tmps.add(stage(f));
            }
            int i = 0;
            for (Staged f : files) {
                current = f;
                backups.add(backup(f.path()));
                FileTargets.move(tmps.get(i++), f.path());
                moved.add(f);
            }
            done = true;
        } catch (FileSystemException e) {
            throw problem(
                    current, "cannot write " + display.apply(current.path()) + ": " + reason(e), e);
        } finally {
            if (!done) {
                rollback(moved, backups);
            }
            for (Path p : temps) {
                deleteQuietly(p);
            }
            if (!done) {
                for (int i = createdDirs.size() - 1; i >= 0; i--) {
                    deleteEmptyDir(createdDirs.get(i));
                }
            }
        }
    }

    private void validate(Staged f, Collection<Staged> all) {
        Path target = f.path();
        FileTargets.problem(target)
                .ifPresent(
                        p -> {
                            throw problem(
                                    f,
                                    switch (p.kind()) {
                                        case DIRECTORY ->
                                                display.apply(target)
                                                        + " is a directory; give the path of a file or remove the directory";
                                        case NOT_REGULAR ->
                                                display.apply(target)
                                                        + " exists and is not a regular file";
                                        case PARENT_NOT_DIRECTORY ->
                                                "cannot write "
                                                        + display.apply(target)
                                                        + ": "
                                                        + display.apply(p.at())
                                                        + " is a file, not a directory";
                                    },
                                    null);
                        });
        for (Staged other : all) {
            if (other != f && other.path().startsWith(target)) {
                throw problem(
                        f,
                        display.apply(target)
                                + " would be both a file and the directory of "
                                + display.apply(other.path()),
                        null);
            }
        }
    }

    private static InputException problem(Staged f, String reason, Throwable cause) {
        String message =
                f == null || f.input() == null ? reason : "input '" + f.input() + "': " + reason;
        return new InputException(message, cause);
    }

    private static String reason(FileSystemException e) {
        String r = e.getReason();
        return r != null ? r : e.getClass().getSimpleName().replace("Exception", "");
    }

    /**
     * Creates missing parents (remembered for the rollback) and writes the content to a temp file
     * beside the target.
     */
    private Path stage(Staged f) throws IOException {
        Path dir = f.path().getParent();
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            createdDirs.add(p);
        }
        Path tmp = Files.createTempFile(dir, ".pipewright-", ".tmp");
        temps.add(tmp);
        Files.writeString(tmp, f.content(), StandardCharsets.UTF_8);
        FileTargets.setMode(tmp, f.secret() ? PRIVATE : modeFor(f.path()));
        return tmp;
    }

    /**
     * An existing file keeps its mode (a rewritten script stays executable); new outputs are
     * world-readable.
     */
    static Set<PosixFilePermission> modeFor(Path target) throws IOException {
        if (Files.isRegularFile(target) && supportsPosix(target)) {
            return Files.getPosixFilePermissions(target);
        }
        return PUBLIC;
    }

    private static boolean supportsPosix(Path p) {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }

    /**
     * A copy of an existing target to restore if a later move fails; null when there is nothing to
     * restore.
     */
    private Path backup(Path target) throws IOException {
        if (!Files.exists(target)) {
            return null;
        }
        Path b = Files.createTempFile(target.getParent(), ".pipewright-", ".bak");
        temps.add(b);
        Files.copy(
                target, b, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        return b;
    }

    private static void rollback(List<Staged> moved, List<Path> backups) {
        for (int i = moved.size() - 1; i >= 0; i--) {
            Path target = moved.get(i).path();
            Path backup = backups.get(i);
            try {
                if (backup == null) {
                    Files.deleteIfExists(target);
                } else {
                    FileTargets.move(backup, target);
                }
            } catch (IOException e) {
                // Best effort: the original error is the one to report.
            }
        }
    }

    /**
     * Cleanup must not hide the error that caused it, nor turn a finished commit into a failure.
     */
    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A stray hidden temp file is harmless; the outputs themselves are in place or rolled
            // back.
        }
    }

    private static void deleteEmptyDir(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Not empty or not ours to remove any more: leave it.
        }
    }
}
