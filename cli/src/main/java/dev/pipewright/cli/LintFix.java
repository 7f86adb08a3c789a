package dev.pipewright.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.fix.FileFixer;
import dev.pipewright.lint.fix.FixApplier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The printing of {@code pipewright lint --fix [--dry-run]}: {@link FileFixer} fixes the files;
 * this prints what changed, or with {@code --dry-run} the unified diff it would apply, leaving the
 * files alone.
 */
final class LintFix {
    private LintFix() {}

    /** Fixes the files; returns how many changed (or would change). */
    static int run(List<Path> targets, Path base, LintConfig cfg, boolean dryRun, PrintWriter out)
            throws IOException {
        return new FileFixer(cfg)
                .fix(
                        targets,
                        base,
                        f -> {
                            if (dryRun) {
                                List<String> a = f.before().lines().toList();
                                List<String> b = f.after().lines().toList();
                                Patch<String> patch = DiffUtils.diff(a, b);
                                UnifiedDiffUtils.generateUnifiedDiff(
                                                "a/" + f.name(), "b/" + f.name(), a, patch, 3)
                                        .forEach(out::println);
                            } else {
                                FileFixer.write(f);
                                for (FixApplier.Change c : f.result().changes()) {
                                    out.println(
                                            f.name()
                                                    + ":"
                                                    + c.line()
                                                    + ": fixed: "
                                                    + c.description()
                                                    + " ["
                                                    + c.rule()
                                                    + "]");
                                }
                            }
                        });
    }
}
