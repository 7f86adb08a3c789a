package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Runs shellcheck on bash and sh {@code run:} scripts when it is on PATH, as actionlint does:
 * {@code ${{ }}} becomes a same-length placeholder, the script is prefixed with the runner's {@code
 * set -e[o pipefail]}, and the findings are mapped back into the YAML file. The scripts go to
 * {@link ShellcheckBatches}, shared by the files linted at once.
 */
@Rule(
        id = "shellcheck",
        summary = "bash and sh run scripts pass shellcheck (when shellcheck is installed)",
        severity = Severity.WARNING)
public final class ShellcheckRule extends LintRule {
    /**
     * actionlint's exclusions, all artefacts of checking a script out of context: SC1091 sourced
     * file missing here; SC2153/SC2154 variables come from {@code env:}; SC2194, SC2050, SC2157,
     * SC2043 constant words made by the placeholder that replaces {@code ${{ }}}.
     */
    static final String EXCLUDED = "SC1091,SC2194,SC2050,SC2153,SC2154,SC2157,SC2043";

    /**
     * Lines put before each script: a shebang choosing the dialect, then the runner's own setup
     * line.
     */
    private static final int PRELUDE_LINES = 2;

    /** A step condition that holds only on Windows, where the default shell is PowerShell. */
    private static final Pattern WINDOWS_ONLY =
            Pattern.compile("runner\\.os\\s*==\\s*'windows'", Pattern.CASE_INSENSITIVE);

    private static volatile Optional<Path> executable;

    private record Script(YScalar run, String shell) {}

    private final List<Script> scripts = new ArrayList<>();
    private String workflowShell;
    private String jobShell;

    /**
     * The shellcheck binary: {@code $PIPEWRIGHT_SHELLCHECK} when set (empty or {@code off} disables
     * the rule), else {@code shellcheck} on PATH; looked up once per process.
     */
    public static Optional<Path> executable() {
        Optional<Path> e = executable;
        if (e == null) {
            e = find(System.getenv("PIPEWRIGHT_SHELLCHECK"), System.getenv("PATH"));
            executable = e;
        }
        return e;
    }

    /**
     * The shellcheck this run uses: the configuration's ({@code --shellcheck}) when set, else
     * {@link #executable()}. A configured one is looked up again for each file: a few file checks
     * against a shellcheck process per file.
     */
    private Optional<Path> configured() {
        String override = ctx().config().shellcheck();
        return override == null ? executable() : find(override, System.getenv("PATH"));
    }

    /**
     * {@code override} as {@code $PIPEWRIGHT_SHELLCHECK} or {@code --shellcheck} give it: empty or
     * {@code off} disables the rule, a name without a separator is looked up on PATH (as
     * actionlint's {@code -shellcheck}), anything else is a path; null looks up {@code shellcheck}
     * on PATH.
     */
    static Optional<Path> find(String override, String path) {
        String name = "shellcheck";
        if (override != null) {
            if (override.isBlank() || override.equals("off")) {
                return Optional.empty();
            }
            if (override.contains("/") || override.contains(File.separator)) {
                return Optional.of(Path.of(override)).filter(Files::isExecutable);
            }
            name = override;
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public void visitWorkflow(Workflow workflow) {
        workflowShell = shellIn(workflow.root()).orElse(null);
    }

    @Override
    public void visitJob(Workflow.Job job) {
        jobShell = shellIn(job.body()).orElse(windows(job.body()) ? "pwsh" : null);
    }

    @Override
    public void visitStep(Workflow.Step step) {
        Optional<YScalar> run =
                step.run().filter(YScalar::isString).filter(r -> !r.value().isBlank());
        if (run.isEmpty() || configured().isEmpty()) {
            return;
        }
        Optional<String> stepShell = step.body().scalar("shell").map(YScalar::value);
        if (stepShell.isEmpty()
                && jobShell == null
                && workflowShell == null
                && step.body()
                        .scalar("if")
                        .filter(c -> WINDOWS_ONLY.matcher(c.value()).find())
                        .isPresent()) {
            return;
        }
        String shell =
                stepShell.orElse(
                        jobShell != null
                                ? jobShell
                                : workflowShell != null ? workflowShell : "bash");
        String dialect = dialect(shell);
        if (dialect != null) {
            scripts.add(new Script(run.get(), dialect));
        }
    }

    @Override
    public void endWorkflow(Workflow workflow) {
        if (!scripts.isEmpty()) {
            check(configured().orElseThrow());
        }
    }

    private static Optional<String> shellIn(YMap owner) {
        return owner.map("defaults")
                .flatMap(d -> d.map("run"))
                .flatMap(r -> r.scalar("shell"))
                .map(YScalar::value);
    }

    /**
     * bash or sh for {@code bash}, {@code sh} and custom commands starting with them; null for
     * anything else.
     */
    static String dialect(String shell) {
        if (shell.contains("${{")) {
            return null;
        }
        String first = shell.strip().split("\\s+", 2)[0];
        first = first.substring(first.lastIndexOf('/') + 1);
        return first.equals("bash") || first.equals("sh") ? first : null;
    }

    /**
     * A job whose runs-on names a Windows label runs PowerShell by default; so may one whose
     * runs-on is an expression while its matrix lists a Windows label (we do not expand the matrix,
     * and a false finding costs more than a miss).
     */
    private static boolean windows(YMap job) {
        Optional<YNode> runsOn = job.get("runs-on");
        if (runsOn.filter(n -> n instanceof YScalar s && s.value().contains("${{")).isPresent()) {
            return job.map("strategy")
                    .flatMap(st -> st.get("matrix"))
                    .filter(ShellcheckRule::mentionsWindows)
                    .isPresent();
        }
        List<YNode> labels = new ArrayList<>();
        runsOn.ifPresent(
                n -> {
                    if (n instanceof YSeq s) {
                        labels.addAll(s.items());
                    } else if (n instanceof YMap m) {
                        m.get("labels")
                                .ifPresent(
                                        l ->
                                                labels.addAll(
                                                        l instanceof YSeq s
                                                                ? s.items()
                                                                : List.of(l)));
                    } else {
                        labels.add(n);
                    }
                });
        return labels.stream()
                .anyMatch(
                        l ->
                                l instanceof YScalar s
                                        && s.value()
                                                .toLowerCase(Locale.ROOT)
                                                .startsWith("windows"));
    }

    private static boolean mentionsWindows(YNode n) {
        if (n instanceof YSeq q) {
            return q.items().stream().anyMatch(ShellcheckRule::mentionsWindows);
        }
        if (n instanceof YMap m) {
            return m.entries().stream().anyMatch(e -> mentionsWindows(e.value()));
        }
        return ((YScalar) n).value().toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Replaces each {@code ${{ … }}} with underscores of the same length, so shellcheck's columns
     * stay ours.
     */
    static String placeholders(String script) {
        StringBuilder sb = new StringBuilder(script);
        int from = 0;
        while (true) {
            int s = script.indexOf("${{", from);
            int e = s < 0 ? -1 : script.indexOf("}}", s + 3);
            if (e < 0) {
                return sb.toString();
            }
            for (int i = s; i < e + 2; i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, '_');
                }
            }
            from = e + 2;
        }
    }

    /** Hands every script of the file to the shared batches, then waits for them all. */
    private void check(Path shellcheck) {
        List<CompletableFuture<List<ShellcheckBatches.Comment>>> results = new ArrayList<>();
        for (Script s : scripts) {
            String setup = s.shell().equals("bash") ? "set -eo pipefail" : "set -e";
            String text =
                    "#!/bin/"
                            + s.shell()
                            + "\n"
                            + setup
                            + "\n"
                            + placeholders(s.run().value())
                            + "\n";
            results.add(
                    ShellcheckBatches.shared().check(new ShellcheckBatches.Key(shellcheck, text)));
        }
        for (int i = 0; i < scripts.size(); i++) {
            // join, not get: inside the linter's fork-join pool it lets the pool start another
            // thread meanwhile,
            // whose file's scripts then join the next batch
            report(scripts.get(i).run(), results.get(i).join());
        }
    }

    private void report(YScalar run, List<ShellcheckBatches.Comment> comments) {
        for (ShellcheckBatches.Comment c : comments) {
            int line = c.line() - PRELUDE_LINES;
            if (line < 1) {
                continue;
            }
            Pos pos = Locator.at(ctx(), run, offset(run.value(), line, c.column()));
            String message = c.message().replaceFirst("\\.$", "");
            report(pos, "SC" + c.code() + ": " + message);
        }
    }

    /**
     * The offset in {@code value} of 1-based {@code line} and {@code col}, clamped to that line.
     */
    static int offset(String value, int line, int col) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = value.indexOf('\n', start);
            if (nl < 0) {
                return value.length();
            }
            start = nl + 1;
        }
        int end = value.indexOf('\n', start);
        return Math.min(start + Math.max(0, col - 1), end < 0 ? value.length() : end);
    }
}
