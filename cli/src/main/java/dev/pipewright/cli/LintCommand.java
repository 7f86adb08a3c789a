package dev.pipewright.cli;

import dev.pipewright.action.lint.LintAction;
import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.report.GithubReporter;
import dev.pipewright.lint.report.JsonReporter;
import dev.pipewright.lint.report.Reporter;
import dev.pipewright.lint.report.SarifReporter;
import dev.pipewright.lint.report.TextReporter;
import dev.pipewright.lint.rule.BuiltInRules;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipewright lint}: lints workflows and action metadata like actionlint, with current data. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = "Lint GitHub Actions workflows and action.yml files.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no findings at or above --fail-level",
            "1:findings at or above --fail-level",
            "2:usage error (bad option, missing path, bad config)",
            "3:internal error"
        })
public final class LintCommand implements Callable<Integer> {
    // A String, not an enum: the root command maps every exception to exit 3, and a bad format is a usage error.
    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or sarif (default: ${DEFAULT-VALUE})",
            defaultValue = "text")
    String format;

    @Option(names = "--config", paramLabel = "FILE",
            description = "configuration file (default: .github/pipewright-lint.yml when present)")
    Path config;

    @Option(names = "--fail-level", paramLabel = "LEVEL", defaultValue = "note",
            description = "lowest severity that makes the exit code 1: error, warning, note or none; findings below it "
                    + "are still printed (default: ${DEFAULT-VALUE}, as the lint action's fail-level)")
    String failLevel;

    @Option(names = "--fix", description = "apply the security audits' mechanical fixes, print them, then lint") boolean fix;
    @Option(names = "--dry-run", description = "with --fix: print the unified diff instead of writing the files") boolean dryRun;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "workflow files, action.yml files or directories (default: .github/)")
    List<Path> paths = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The directory paths are resolved against; tests replace it. */
    Path workingDir = Path.of(System.getProperty("user.dir"));
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("text", "json", "sarif").contains(format)) {
            err.println("pipewright lint: unknown format \"" + format + "\"; use text, json or sarif");
            return ExitCodes.USAGE;
        }
        java.util.Optional<dev.pipewright.lint.Severity> level;
        try {
            level = LintAction.failLevel("fail-level", failLevel);
        } catch (dev.pipewright.action.InputException e) {
            err.println("pipewright lint: --fail-level: expected error, warning, note or none, got \"" + failLevel + "\"");
            return ExitCodes.USAGE;
        }
        if (dryRun && !fix) {
            err.println("pipewright lint: --dry-run only goes with --fix");
            return ExitCodes.USAGE;
        }
        LintConfig cfg;
        try {
            cfg = loadConfig();
        } catch (IllegalArgumentException | java.io.IOException e) {
            err.println("pipewright lint: bad configuration: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<Path> targets = new ArrayList<>();
        for (Path p : paths.isEmpty() ? List.of(Path.of(".github")) : paths) {
            Path abs = workingDir.resolve(p);
            if (!Files.exists(abs)) {
                err.println("pipewright lint: " + p + ": no such file or directory");
                return ExitCodes.USAGE;
            }
            targets.add(abs);
        }
        List<Finding> findings;
        try {
            int fixed = fix ? LintFix.run(targets, workingDir, cfg, dryRun, out) : 0;
            if (dryRun) {
                out.flush();
                return fixed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
            }
            findings = new Linter(cfg).lintPaths(targets, workingDir);
        } catch (NoSuchFileException e) {
            err.println("pipewright lint: " + e.getFile() + ": no such file or directory");
            return ExitCodes.USAGE;
        } catch (Exception | StackOverflowError e) {
            err.println("pipewright lint: internal error: " + e);
            return ExitCodes.INTERNAL;
        }
        Reporter reporter = switch (format) {
            case "json" -> new JsonReporter();
            case "sarif" -> new SarifReporter();
            default -> new TextReporter();
        };
        Reporter.SourceLines sources = Reporter.SourceLines.from(workingDir);
        out.print(reporter.render(findings, BuiltInRules.all(), sources));
        if (format.equals("text") && "true".equals(env.get("GITHUB_ACTIONS"))) {
            out.print(new GithubReporter().render(findings, BuiltInRules.all(), sources));
        }
        out.flush();
        if (Linter.hasInternalError(findings)) {
            return ExitCodes.INTERNAL; // a bug of ours on some file, reported as a finding; the other files' findings are printed
        }
        return findings.stream().anyMatch(f -> LintAction.fails(f.severity(), level)) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private LintConfig loadConfig() throws java.io.IOException {
        if (config != null) {
            Path c = workingDir.resolve(config);
            if (Files.isDirectory(c)) {
                throw new IllegalArgumentException(config + " is a directory, not a file (--config)");
            }
            if (!Files.isRegularFile(c)) {
                throw new IllegalArgumentException(config + ": no such file");
            }
            return LintConfig.load(c);
        }
        return LintConfig.forProject(workingDir);
    }
}
