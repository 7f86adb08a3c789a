package dev.pipewright.action.lint;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionContext;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Annotation;
import dev.pipewright.action.Branding;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Inputs;
import dev.pipewright.action.Outcome;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Templates;
import dev.pipewright.action.Workspace;
import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.report.Reporter;
import dev.pipewright.lint.report.SarifReporter;
import dev.pipewright.lint.rule.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code lint} action: {@code pipewright lint} in the action image, with its findings as SARIF
 * for code scanning, as annotations on the diff and as a step-summary table; only findings at or
 * above {@code fail-level} fail the step.
 */
public final class LintAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "lint",
                    "Pipewright lint",
                    "Lint GitHub Actions workflows and action.yml files with pipewright lint (security audits included); "
                            + "writes SARIF for code scanning, annotations and a step summary.",
                    "Pipewright",
                    List.of(
                            InputSpec.of(
                                            "paths",
                                            "Workflow files, action.yml files or directories to lint, one per line, "
                                                    + "relative to the workspace.")
                                    .withDefault(".github")
                                    .multipleValues(),
                            InputSpec.of(
                                    "config",
                                    "Configuration file (default: .github/pipewright-lint.yml when present)."),
                            InputSpec.of(
                                            "fail-level",
                                            "Lowest severity that fails the step: error, warning, note (any "
                                                    + "finding) or none; findings below it are still reported.")
                                    .withDefault("note"),
                            InputSpec.of(
                                            "sarif-file",
                                            "SARIF 2.1.0 file to write, for github/codeql-action/upload-sarif "
                                                    + "(outside a runner, only when given).")
                                    .withDefault("pipewright-lint.sarif")),
                    List.of(
                            new OutputSpec(
                                    "sarif-file",
                                    "Path of the SARIF file written, relative to the workspace (empty if none)."),
                            new OutputSpec(
                                    "finding-count", "Number of findings, at any severity.")),
                    new Branding("check-square", "orange"));

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.of("findings at or above fail-level");
    }

    @Override
    public Outcome run(ActionContext ctx) throws IOException {
        Inputs in = ctx.inputs();
        Workspace ws = ctx.workspace();
        Optional<Severity> failLevel = failLevel("fail-level", in.string("fail-level"));
        LintConfig config = config(ws, in.optional("config"));
        List<Path> targets = new ArrayList<>();
        for (String p : in.lines("paths")) {
            Path abs = ws.resolve("paths", p);
            if (!Files.exists(abs)) {
                throw InputException.forInput(
                        "paths", "'" + p + "': no such file or directory in the workspace");
            }
            targets.add(abs);
        }
        // on a runner the default names the file upload-sarif reads; elsewhere no SARIF file unless
        // one is asked for
        Path sarif =
                ctx.env().onRunner() || in.given("sarif-file").isPresent()
                        ? ws.resolve("sarif-file", in.string("sarif-file"))
                        : null;
        List<Finding> findings = new Linter(config).lintPaths(targets, ws.root());
        Reporter.SourceLines sources = Reporter.SourceLines.from(ws.root());
        if (sarif != null) {
            ctx.writeFile(
                    "sarif-file",
                    sarif,
                    new SarifReporter().render(findings, BuiltInRules.all(), sources));
        }
        for (Finding f : findings) {
            ctx.log(f.format());
            ctx.annotate(
                    new Annotation(
                            level(f.severity()),
                            f.file(),
                            f.line(),
                            f.column(),
                            0,
                            f.rule(),
                            f.message() + " [" + f.rule() + "]"));
        }
        long failing = findings.stream().filter(f -> fails(f.severity(), failLevel)).count();
        String sarifDisplay = sarif == null ? "" : ws.display(sarif);
        ctx.setOutput("sarif-file", sarifDisplay);
        ctx.setOutput("finding-count", String.valueOf(findings.size()));
        ctx.appendSummary(
                Templates.render(
                        "lint/summary.md.ftl",
                        summaryModel(
                                findings,
                                failing,
                                failLevel.map(s -> s.label()).orElse("none"),
                                sarifDisplay)));
        if (failing > 0) {
            return Outcome.fail(
                    failing
                            + " finding"
                            + (failing == 1 ? "" : "s")
                            + " at or above "
                            + failLevel.get().label()
                            + " (of "
                            + findings.size()
                            + ")"
                            + (sarif == null ? "" : "; see " + sarifDisplay));
        }
        return Outcome.pass();
    }

    /** {@code error}, {@code warning}, {@code note} or {@code none} (empty: nothing fails). */
    public static Optional<Severity> failLevel(String input, String value) {
        try {
            return Severity.failLevel(value);
        } catch (IllegalArgumentException e) {
            throw InputException.forInput(input, e.getMessage());
        }
    }

    /** True when a finding of {@code severity} fails at {@code failLevel}. */
    public static boolean fails(Severity severity, Optional<Severity> failLevel) {
        return severity.failsAt(failLevel);
    }

    private static LintConfig config(Workspace ws, Optional<String> given) throws IOException {
        try {
            if (given.isPresent()) {
                Path c = ws.resolve("config", given.get());
                if (Files.isDirectory(c)) {
                    throw InputException.forInput(
                            "config", "'" + given.get() + "' is a directory, not a file");
                }
                if (!Files.isRegularFile(c)) {
                    throw InputException.forInput("config", "'" + given.get() + "': no such file");
                }
                return LintConfig.load(c);
            }
            return LintConfig.forProject(ws.root());
        } catch (IllegalArgumentException e) {
            throw InputException.forInput("config", "bad configuration: " + e.getMessage());
        }
    }

    private static Annotation.Level level(Severity s) {
        return switch (s) {
            case ERROR -> Annotation.Level.ERROR;
            case WARNING -> Annotation.Level.WARNING;
            case NOTE -> Annotation.Level.NOTICE;
        };
    }

    private static Map<String, Object> summaryModel(
            List<Finding> findings, long failing, String failLevel, String sarif) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Finding f : findings) {
            rows.add(
                    Map.of(
                            "file",
                            f.file(),
                            "line",
                            String.valueOf(f.line()),
                            "column",
                            String.valueOf(f.column()),
                            "severity",
                            f.severity().label(),
                            "rule",
                            f.rule(),
                            "message",
                            f.message()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("findings", rows);
        model.put("failing", String.valueOf(failing));
        model.put("failLevel", failLevel);
        model.put("sarif", sarif);
        return model;
    }
}
