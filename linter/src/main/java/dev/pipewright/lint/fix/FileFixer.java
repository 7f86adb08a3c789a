package dev.pipewright.lint.fix;

import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code pipewright lint --fix} on files and folders: finds the files {@code lint} takes, fixes
 * each with {@link FixApplier} against its own repository's action lock, and writes it back. The
 * CLI and the Maven plugin print the result their own way.
 */
public final class FileFixer {
    /**
     * A file the fixes change: where it is, its name as shown, its text before and what the fixes
     * made of it.
     */
    public record FixedFile(Path path, String name, String before, FixApplier.Result result) {
        /** The fixed text. */
        public String after() {
            return result.text();
        }
    }

    /** What to do with a changed file: write it, or pass it on (a dry run). */
    public interface Sink {
        void accept(FixedFile file) throws IOException;
    }

    private final FixApplier applier;

    public FileFixer(LintConfig config) {
        this.applier = new FixApplier(config);
    }

    /**
     * Fixes every file under {@code targets} and hands each changed one to {@code sink}, in the
     * order {@code lint} reads them; names are relative to {@code base} when inside it. Returns how
     * many files changed.
     */
    public int fix(List<Path> targets, Path base, Sink sink) throws IOException {
        int changed = 0;
        for (Path target : targets) {
            for (Path f : Linter.expand(target)) {
                String before = Files.readString(f, StandardCharsets.UTF_8);
                String name = display(base, f);
                FixApplier.Result r =
                        applier.fix(name, before, Linter.kindOf(f), Linter.projectRoot(f));
                if (r.changed()) {
                    changed++;
                    sink.accept(new FixedFile(f, name, before, r));
                }
            }
        }
        return changed;
    }

    /** Writes the fixed text over the file. */
    public static void write(FixedFile file) throws IOException {
        Files.writeString(file.path(), file.after(), StandardCharsets.UTF_8);
    }

    private static String display(Path base, Path f) {
        Path abs = f.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return (abs.startsWith(b) ? b.relativize(abs) : f).toString().replace('\\', '/');
    }
}
