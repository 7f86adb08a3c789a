package dev.pipewright.lint.audit;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YamlFile;
import java.util.ArrayList;
import java.util.List;

/** The hook repositories a {@code .pre-commit-config.yaml} names ({@code repos[].repo}). */
final class PreCommitHooks {
    private PreCommitHooks() {}

    /** The {@code repo:} values of the file, in order; none when it is not pre-commit's. */
    static List<YScalar> repositories(LintContext ctx, YamlFile yaml) {
        List<YScalar> out = new ArrayList<>();
        if (ctx.kind() == Linter.Kind.PRE_COMMIT && yaml.root() instanceof YMap root) {
            for (YNode n : root.seq("repos").map(s -> s.items()).orElse(List.of())) {
                if (n instanceof YMap repo) {
                    repo.scalar("repo").ifPresent(out::add);
                }
            }
        }
        return out;
    }
}
