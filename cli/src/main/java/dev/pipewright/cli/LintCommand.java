package dev.pipewright.cli;

import dev.pipewright.action.InputException;
import dev.pipewright.action.lint.LintAction;
import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.audit.Audit;
import dev.pipewright.lint.audit.Persona;
import dev.pipewright.lint.audit.SecurityAudits;
import dev.pipewright.lint.report.GithubReporter;
import dev.pipewright.lint.report.JsonReporter;
import dev.pipewright.lint.report.Reporter;
import dev.pipewright.lint.report.SarifReporter;
import dev.pipewright.lint.report.TextReporter;
import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.pipeline.AtomicWriter;
import dev.pipewright.pipeline.GeneratedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pipewright lint}: lints workflows and action metadata like actionlint, with current data.
 */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = "Lint GitHub Actions workflows and action.yml files.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no findings at or above --fail-level",
            "1:findings at or above --fail-level (an unreadable file is one)",
            "2:usage error (bad option, missing path, bad config)",
            "3:internal error"
        })
public final class LintCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("text", "json", "sarif", "github");

    // A String, not an enum: the root command maps every exception to exit 3, and a bad format is a
    // usage error.
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description =
                    "text, json, sarif or github (workflow-command annotations) (default: ${DEFAULT-VALUE})",
            defaultValue = "text")
    String format;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "configuration file (default: .github/pipewright-lint.yml when present)")
    Path config;

    @Option(
            names = "--fail-level",
            paramLabel = "LEVEL",
            defaultValue = "note",
            description =
                    "lowest severity that makes the exit code 1: error, warning, note or none; findings below it "
                            + "are still printed (default: ${DEFAULT-VALUE}, as the lint action's fail-level)")
    String failLevel;

    @Option(
            names = "--min-severity",
            paramLabel = "LEVEL",
            description =
                    "report only findings at or above this severity: error, warning or note (as zizmor's "
                            + "--min-severity: the others are neither printed nor counted)")
    String minSeverity;

    @Option(
            names = "--min-confidence",
            paramLabel = "LEVEL",
            description =
                    "report only security findings at or above this confidence: high, medium or low "
                            + "(correctness rules are always reported)")
    String minConfidence;

    @Option(
            names = "--persona",
            paramLabel = "PERSONA",
            description =
                    "which security findings show, as zizmor's --persona: regular (actionable, few false "
                            + "positives), pedantic (also code smells) or auditor (everything) (default: audits.persona of the "
                            + "configuration, else regular)")
    String persona;

    @Option(
            names = "--ignore",
            paramLabel = "RULE[:PATH]",
            description =
                    "ignore a rule, everywhere or in files matching the glob PATH (repeatable; like an ignore "
                            + "entry of the configuration)")
    List<String> ignore = new ArrayList<>();

    @Option(
            names = "--shellcheck",
            paramLabel = "PATH|off",
            description =
                    "the shellcheck to run: a path, a command name on PATH, or off (default: "
                            + "$PIPEWRIGHT_SHELLCHECK, else shellcheck on PATH)")
    String shellcheck;

    @Option(
            names = "--stdin-filename",
            paramLabel = "NAME",
            defaultValue = "<stdin>",
            description =
                    "with the path -: the name the text read from stdin is linted and reported as; it also "
                            + "decides whether it is a workflow, an action.yml or a dependabot.yml (default: ${DEFAULT-VALUE})")
    String stdinFilename;

    @Option(
            names = "--color",
            negatable = true,
            description =
                    "colour the text output (default: only when stdout is a terminal and NO_COLOR is unset)")
    Boolean color;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description =
                    "project root: paths, the configuration and reported file names are relative to it "
                            + "(default: the current directory)")
    Path root;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description =
                    "write the report to FILE (replaced whole, never half-written) instead of stdout")
    Path output;

    @Option(
            names = "--fix",
            description = "apply the security audits' mechanical fixes, print them, then lint")
    boolean fix;

    @Option(
            names = "--dry-run",
            description = "with --fix: print the unified diff instead of writing the files")
    boolean dryRun;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description =
                    "workflow files, action.yml files or directories (default: .github/); - reads stdin")
    List<Path> paths = new ArrayList<>();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The directory paths are resolved against; tests replace it. */
    Path workingDir = Path.of(System.getProperty("user.dir"));

    Map<String, String> env = System.getenv();
    InputStream stdin = System.in;

    /** Whether stdout is a terminal; tests replace it. */
    boolean terminal = Terminal.stdoutIsTerminal();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (root != null) {
            workingDir = workingDir.resolve(root).toAbsolutePath().normalize();
            if (!Files.isDirectory(workingDir)) {
                return usage(err, "--root " + root + ": no such directory");
            }
        }
        if (!FORMATS.contains(format)) {
            return usage(err, "unknown format \"" + format + "\"; use text, json, sarif or github");
        }
        Optional<Severity> level;
        try {
            level = LintAction.failLevel("fail-level", failLevel);
        } catch (InputException e) {
            return usage(
                    err,
                    "--fail-level: expected error, warning, note or none, got \""
                            + failLevel
                            + "\"");
        }
        Optional<Severity> min = Optional.empty();
        if (minSeverity != null) {
            min = parseOrNull(minSeverity);
            if (min.isEmpty()) {
                return usage(
                        err,
                        "--min-severity: expected error, warning or note, got \""
                                + minSeverity
                                + "\"");
            }
        }
        Audit.Confidence confidence = null;
        if (minConfidence != null) {
            try {
                confidence =
                        Audit.Confidence.valueOf(minConfidence.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return usage(
                        err,
                        "--min-confidence: expected high, medium or low, got \""
                                + minConfidence
                                + "\"");
            }
        }
        if (dryRun && !fix) {
            return usage(err, "--dry-run only goes with --fix");
        }
        boolean fromStdin = paths.contains(Path.of("-"));
        if (fromStdin && (paths.size() > 1 || fix)) {
            return usage(err, "- (stdin) is linted alone, without other paths or --fix");
        }
        LintConfig cfg;
        try {
            cfg = loadConfig();
        } catch (IllegalArgumentException | IOException e) {
            return usage(err, "bad configuration: " + e.getMessage());
        }
        try {
            List<LintConfig.Ignore> extra = new ArrayList<>();
            for (String i : ignore) {
                extra.add(LintConfig.Ignore.parse(i));
            }
            cfg = cfg.withIgnores(extra);
        } catch (IllegalArgumentException e) {
            return usage(err, "--ignore: " + e.getMessage());
        }
        if (shellcheck != null) {
            cfg = cfg.withShellcheck(shellcheck);
        }
        if (persona != null) {
            Optional<Persona> p = Persona.parse(persona);
            if (p.isEmpty()) {
                return usage(
                        err,
                        "--persona: expected regular, pedantic or auditor, got \""
                                + persona
                                + "\"");
            }
            cfg = cfg.withPersona(p.get());
        }
        List<Path> targets = new ArrayList<>();
        for (Path p :
                fromStdin
                        ? List.<Path>of()
                        : paths.isEmpty() ? List.of(Path.of(".github")) : paths) {
            Path abs = workingDir.resolve(p);
            if (!Files.exists(abs)) {
                return usage(err, p + ": no such file or directory");
            }
            targets.add(abs);
        }
        List<Finding> findings;
        Reporter.SourceLines sources = Reporter.SourceLines.from(workingDir);
        try {
            if (fromStdin) {
                String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
                Path as = workingDir.resolve(stdinFilename);
                findings =
                        new ArrayList<>(
                                new Linter(cfg)
                                        .lintSource(
                                                stdinFilename,
                                                text,
                                                Linter.kindOf(as),
                                                Linter.projectRoot(as)));
                findings.sort(null);
                List<String> lines = text.lines().toList();
                Reporter.SourceLines disk = sources;
                // the caret shows the text that was linted, not a file of that name on disk
                sources =
                        (file, line) ->
                                !file.equals(stdinFilename)
                                        ? disk.line(file, line)
                                        : line >= 1 && line <= lines.size()
                                                ? lines.get(line - 1)
                                                : "";
            } else {
                int fixed = fix ? LintFix.run(targets, workingDir, cfg, dryRun, out) : 0;
                if (dryRun) {
                    out.flush();
                    return fixed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
                }
                findings = new Linter(cfg).lintPaths(targets, workingDir);
            }
        } catch (NoSuchFileException e) {
            return usage(err, e.getFile() + ": no such file or directory");
        } catch (Exception | StackOverflowError e) {
            err.println("pipewright lint: internal error: " + e);
            return ExitCodes.INTERNAL;
        }
        findings = shown(findings, min, confidence);
        boolean colour =
                color != null
                        ? color
                        : output == null
                                && terminal
                                && env.get("NO_COLOR") == null
                                && !"dumb".equals(env.get("TERM"));
        Reporter reporter =
                switch (format) {
                    case "json" -> new JsonReporter();
                    case "sarif" -> new SarifReporter();
                    case "github" -> new GithubReporter();
                    default -> new TextReporter(colour && format.equals("text"));
                };
        String report = reporter.render(findings, BuiltInRules.all(), sources);
        if (output != null) {
            Path target = workingDir.resolve(output).toAbsolutePath().normalize();
            try {
                AtomicWriter.write(
                        target.getParent(),
                        List.of(new GeneratedFile(target.getFileName().toString(), report)));
            } catch (IllegalArgumentException | IOException e) {
                return usage(err, "--output " + output + ": " + e.getMessage());
            }
        } else {
            out.print(report);
        }
        if (format.equals("text") && "true".equals(env.get("GITHUB_ACTIONS"))) {
            out.print(new GithubReporter().render(findings, BuiltInRules.all(), sources));
        }
        out.flush();
        if (format.equals("text")) {
            // on stderr: stdout stays one parseable line (plus source and caret) per finding
            err.println("pipewright lint: " + TextReporter.summary(findings));
            err.flush();
        }
        if (Linter.hasInternalError(findings)) {
            return ExitCodes
                    .INTERNAL; // a bug of ours on some file, reported as a finding; the other
            // files' findings are printed
        }
        return findings.stream().anyMatch(f -> LintAction.fails(f.severity(), level))
                ? ExitCodes.FINDINGS
                : ExitCodes.OK;
    }

    /**
     * The findings --min-severity and --min-confidence let through; a rule without audit metadata
     * has no confidence.
     */
    static List<Finding> shown(
            List<Finding> findings, Optional<Severity> min, Audit.Confidence confidence) {
        return findings.stream()
                .filter(f -> min.isEmpty() || f.severity().failsAt(min))
                .filter(
                        f ->
                                confidence == null
                                        || SecurityAudits.audit(f.rule())
                                                .map(
                                                        a ->
                                                                a.confidence().ordinal()
                                                                        <= confidence.ordinal())
                                                .orElse(true))
                .toList();
    }

    private static Optional<Severity> parseOrNull(String value) {
        try {
            return Severity.failLevel(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("pipewright lint: " + message);
        return ExitCodes.USAGE;
    }

    private LintConfig loadConfig() throws IOException {
        if (config != null) {
            Path c = workingDir.resolve(config);
            if (Files.isDirectory(c)) {
                throw new IllegalArgumentException(
                        config + " is a directory, not a file (--config)");
            }
            if (!Files.isRegularFile(c)) {
                throw new IllegalArgumentException(config + ": no such file");
            }
            return LintConfig.load(c);
        }
        return LintConfig.forProject(workingDir);
    }
}
