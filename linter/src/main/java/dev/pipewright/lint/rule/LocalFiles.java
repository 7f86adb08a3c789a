package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.schema.Suggest;
import dev.pipewright.lint.yaml.YMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds and reads what a workflow names with {@code ./path}: local actions and reusable workflows.
 * Paths are relative to the repository root; a flat output folder ({@code
 * generated-workflows/<id>/ci.yml} with its actions in {@code generated-workflows/<id>/actions/})
 * stands for its own {@code .github/}.
 */
final class LocalFiles {
    /**
     * Where a {@code ./path} leads: the file, or none; {@code known} is false when no repository
     * root is known.
     */
    record Lookup(Path file, boolean known) {
        boolean missing() {
            return file == null && known;
        }
    }

    private final LintContext ctx;

    LocalFiles(LintContext ctx) {
        this.ctx = ctx;
    }

    /**
     * True for {@code ./path} (workspace-relative) and {@code $/path} references. {@code $/} is the
     * self-repository syntax of July 2026: the workflow's own repository at the running commit,
     * without checkout
     * (https://github.blog/changelog/2026-07-30-reference-same-repository-actions-with-self-repository-syntax/).
     */
    static boolean isLocal(String uses) {
        return uses.startsWith("./") || isSelf(uses);
    }

    /** True for the self-repository syntax {@code $/path}. */
    static boolean isSelf(String uses) {
        return uses.startsWith("$/");
    }

    /**
     * The path inside the repository; a ref after {@code $/path@} is dropped, the files are this
     * commit's.
     */
    private static String relative(String uses) {
        String rel = uses.substring(2);
        return isSelf(uses) && rel.contains("@") ? rel.substring(0, rel.indexOf('@')) : rel;
    }

    /** The {@code action.yml} (or {@code action.yaml}) of a local action's folder. */
    Lookup action(String uses) {
        for (Path dir : candidates(relative(uses), ".github/")) {
            for (String name : List.of("action.yml", "action.yaml")) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    return new Lookup(dir.resolve(name), true);
                }
            }
        }
        return new Lookup(null, workspace() != null);
    }

    /**
     * A sibling folder of a missing local action that holds an action, spelled close to it; null
     * when none.
     */
    String closestAction(String uses) {
        String rel = relative(uses);
        int slash = rel.lastIndexOf('/');
        String parent = slash < 0 ? "" : rel.substring(0, slash + 1);
        List<String> names = new ArrayList<>();
        for (Path dir : candidates(parent, ".github/")) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(
                                d ->
                                        Files.isRegularFile(d.resolve("action.yml"))
                                                || Files.isRegularFile(d.resolve("action.yaml")))
                        .map(d -> d.getFileName().toString())
                        .sorted()
                        .forEach(names::add);
            } catch (IOException e) {
                // No such folder: nothing to suggest from it.
            }
        }
        String close = Suggest.closest(rel.substring(slash + 1), names);
        return close == null ? null : uses.substring(0, 2) + parent + close;
    }

    /** A local reusable workflow file. */
    Lookup workflow(String uses) {
        for (Path f : candidates(relative(uses), ".github/workflows/")) {
            if (Files.isRegularFile(f)) {
                return new Lookup(f, true);
            }
        }
        return new Lookup(null, workspace() != null);
    }

    /** The top-level mapping of a found file; empty when it is not a readable YAML mapping. */
    /**
     * The local copy of another repository's reusable workflow that the configuration's {@code
     * reusable-workflows:} names for {@code uses} ({@code owner/repo/path@ref}), if any.
     */
    Optional<Path> configuredWorkflow(String uses) {
        return Optional.ofNullable(ctx.config().reusableWorkflows().get(uses.strip()));
    }

    Optional<YMap> read(Path file) {
        return ctx.otherFiles().mapping(file);
    }

    /** The repository path, then the same path in a flat output folder next to the linted file. */
    private List<Path> candidates(String relative, String flatPrefix) {
        List<Path> out = new ArrayList<>();
        try {
            Path workspace = workspace();
            if (workspace != null) {
                out.add(workspace.resolve(relative).normalize());
            }
            Path here = ctx.path() == null ? null : ctx.path().getParent();
            if (here != null && relative.startsWith(flatPrefix) && !isDotGithubWorkflows(here)) {
                out.add(here.resolve(relative.substring(flatPrefix.length())).normalize());
            }
        } catch (InvalidPathException e) {
            // A path this file system cannot name (a NUL byte, say) names no file.
        }
        return out;
    }

    /**
     * The repository a {@code ./path} resolves in: GitHub resolves it in the checkout of the
     * repository the workflow runs from, so only a workflow under that repository's {@code
     * .github/} has one we know. A folder of workflows kept inside some other checkout (a corpus, a
     * vendored copy, a flat output folder) does not belong to the checkout around it, and its
     * {@code ./} paths are not looked up there. Action metadata named {@code action.yml} belongs to
     * the repository it sits in, and text that came from no file keeps the root its caller gave.
     */
    private Path workspace() {
        Path root = ctx.projectRoot();
        Path file = ctx.path();
        if (root == null || file == null) {
            return root;
        }
        if (Linter.kindOf(file) == Linter.Kind.ACTION) {
            // GitHub reads an action only from a file named action.yml or action.yaml; a copy under
            // another name
            // (github__codeql-action__init__action.yml in a corpus) is nobody's action in this
            // checkout
            String name = file.getFileName().toString();
            return name.equals("action.yml") || name.equals("action.yaml") ? root : null;
        }
        // a workflow beside the repository's .github folder (a project's example or test
        // workflows, actionlint's testdata) is that repository's too
        boolean besideDotGithub =
                root.equals(file.getParent()) && Files.isDirectory(root.resolve(".github"));
        return file.startsWith(root.resolve(".github")) || besideDotGithub ? root : null;
    }

    private static boolean isDotGithubWorkflows(Path dir) {
        return dir.getFileName() != null
                && dir.getFileName().toString().equals("workflows")
                && dir.getParent() != null
                && dir.getParent().getFileName() != null
                && dir.getParent().getFileName().toString().equals(".github");
    }
}
