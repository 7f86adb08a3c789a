package dev.pipewright.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.fix.Fixer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code pipewright lint --fix [--dry-run]}: applies {@link Fixer} to each file and prints what changed, or with
 * {@code --dry-run} the unified diff it would apply, leaving the files alone.
 */
final class LintFix {
    private LintFix() {}

    /** Fixes the files; returns how many changed (or would change). */
    static int run(List<Path> targets, Path base, LintConfig cfg, boolean dryRun, PrintWriter out) throws IOException {
        Fixer fixer = new Fixer(cfg);
        int changed = 0;
        for (Path target : targets) {
            for (Path f : Linter.expand(target)) {
                String before = Files.readString(f, StandardCharsets.UTF_8);
                Fixer.Result r = fixer.fix(before, Linter.kindOf(f), projectRoot(f));
                if (!r.changed()) {
                    continue;
                }
                changed++;
                String name = display(base, f);
                if (dryRun) {
                    List<String> a = before.lines().toList();
                    List<String> b = r.text().lines().toList();
                    Patch<String> patch = DiffUtils.diff(a, b);
                    UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, a, patch, 3).forEach(out::println);
                } else {
                    Files.writeString(f, r.text(), StandardCharsets.UTF_8);
                    for (Fixer.Change c : r.changes()) {
                        out.println(name + ":" + c.line() + ": fixed: " + c.description() + " [" + c.rule() + "]");
                    }
                }
            }
        }
        return changed;
    }

    private static String display(Path base, Path f) {
        Path abs = f.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return (abs.startsWith(b) ? b.relativize(abs) : f).toString().replace('\\', '/');
    }

    private static Path projectRoot(Path file) {
        for (Path p = file.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(".github")) {
                return p.getParent();
            }
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return null;
    }
}
