package dev.pipewright.cli.lsp;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.RuleInfo;
import dev.pipewright.lint.fix.FixApplier;
import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.lint.rule.ShellcheckRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open documents and what the linter says of them. The text linted is the editor's, not the
 * file on disk; the rest of the repository (local actions, reusable workflows, the lint config, the
 * action lock) is read from disk on every lint, so an edit saved in another file shows at the next
 * keystroke here.
 */
final class LintedDocuments {
    /**
     * An open document: its path on disk (for the repository around it) and the editor's current
     * text.
     */
    record Document(Path path, String text) {}

    /**
     * The rule that runs a process per script; the server publishes its findings in a second round.
     */
    static final String SLOW_RULE = "shellcheck";

    private final Map<String, Document> open = new ConcurrentHashMap<>();

    void open(String uri, String text) {
        path(uri).ifPresent(p -> open.put(uri, new Document(p, text)));
    }

    void change(String uri, String text) {
        open(uri, text);
    }

    void close(String uri) {
        open.remove(uri);
    }

    /** The open documents' URIs, sorted so that a re-publication goes in a stable order. */
    List<String> uris() {
        return open.keySet().stream().sorted().toList();
    }

    Optional<Document> get(String uri) {
        return Optional.ofNullable(open.get(uri));
    }

    /**
     * True for the files {@code pipewright lint} takes: workflows, action metadata, dependabot
     * configuration.
     */
    static boolean lintable(Document d) {
        return Linter.takes(d.path(), d.text());
    }

    /**
     * The findings for the document's current text, as {@code pipewright lint} would report them on
     * save; without the rules that run an external program ({@code shellcheck}: a process per
     * script, ten times the rest of the lint) when {@code quick}.
     */
    static List<Finding> lint(Document d, boolean quick) {
        if (!lintable(d)) {
            return List.of();
        }
        Path root = Linter.projectRoot(d.path());
        List<RuleInfo> rules = quick ? QUICK_RULES : BuiltInRules.all();
        return new Linter(config(root), rules)
                .lintSource(
                        d.path().getFileName().toString(),
                        d.text(),
                        Linter.kindOf(d.path()),
                        root,
                        d.path());
    }

    /**
     * True when the full lint can differ from the quick one: a shellcheck is there to run (on PATH,
     * or named by the project's lint config). Without one a second round would lint the text again
     * for the same findings.
     */
    static boolean hasSlowRules(Document d) {
        return ShellcheckRule.executable().isPresent()
                || config(Linter.projectRoot(d.path())).shellcheck() != null;
    }

    private static final List<RuleInfo> QUICK_RULES =
            BuiltInRules.all().stream().filter(r -> !r.id().equals(SLOW_RULE)).toList();

    /** What {@code pipewright lint --fix} would change in the document's current text. */
    static FixApplier.Result fix(Document d) {
        if (!lintable(d)) {
            return new FixApplier.Result(d.text(), List.of());
        }
        Path root = Linter.projectRoot(d.path());
        return new FixApplier(config(root))
                .fix(d.path().getFileName().toString(), d.text(), Linter.kindOf(d.path()), root);
    }

    /**
     * The project's lint config; a broken one is reported by {@code lint} itself, here it falls
     * back to none.
     */
    private static LintConfig config(Path root) {
        if (root == null) {
            return LintConfig.empty();
        }
        try {
            return LintConfig.forProject(root);
        } catch (IOException | RuntimeException e) {
            return LintConfig.empty();
        }
    }

    private static Optional<Path> path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme())
                    ? Optional.of(Path.of(u).toAbsolutePath().normalize())
                    : Optional.empty();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
