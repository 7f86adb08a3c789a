package dev.pipewright.action.coverage;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionContext;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Annotation;
import dev.pipewright.action.Branding;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Inputs;
import dev.pipewright.action.InputsSupport;
import dev.pipewright.action.Outcome;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Templates;
import dev.pipewright.action.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code coverage-gate} action: reads coverage reports and fails the step when a coverage gate
 * is not met.
 */
public final class CoverageGateAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "coverage-gate",
                    "Pipewright coverage gate",
                    "Fail a job when test coverage is too low: overall, per path, versus the base branch, or on changed lines.",
                    "Pipewright",
                    List.of(
                            InputSpec.of(
                                            "files",
                                            "Coverage reports: paths or globs, one per line (Go coverprofile, JaCoCo XML, "
                                                    + "Cobertura XML, LCOV, coverage.py JSON). Several reports are merged.")
                                    .asRequired()
                                    .multipleValues()
                                    .withExample("coverage.out"),
                            InputSpec.of(
                                            "format",
                                            "Report format: auto, go, jacoco, cobertura, lcov or coverage-json.")
                                    .withDefault("auto"),
                            InputSpec.of(
                                    "min",
                                    "Minimum overall coverage in percent (lines; statements for Go; for coverage.py's JSON "
                                            + "its own figure, statements plus branches)."),
                            InputSpec.of(
                                    "rules",
                                    "Per-path minimums, one '<glob>: <percent>' per line, e.g. 'internal/timecalc/**: 95'."),
                            InputSpec.of(
                                    "base-file",
                                    "Coverage of the base branch: a report, this action's JSON report (e.g. "
                                            + "downloaded from the base branch's last run), or a number. A file that does not exist means "
                                            + "there is no base yet (first run, expired artifact): the delta and max-drop are skipped with a "
                                            + "note and do not fail the step; a file that exists but cannot be read is an error (exit 2)."),
                            InputSpec.of(
                                    "max-drop",
                                    "Largest allowed drop versus base-file, in percentage points (skipped while "
                                            + "base-file does not exist)."),
                            InputSpec.of(
                                    "diff-file", "Unified diff of the change, for patch coverage."),
                            InputSpec.of(
                                    "base-ref",
                                    "Git ref to diff HEAD against (git diff -U0 <base-ref>...HEAD) when there is no diff-file."),
                            InputSpec.of(
                                    "patch-min",
                                    "Minimum coverage of the added lines, in percent."),
                            InputSpec.of(
                                    "report-file",
                                    "Where to write the JSON report (default: $RUNNER_TEMP/coverage-gate.json)."),
                            InputSpec.of(
                                            "max-annotations",
                                            "Most uncovered-line annotations to add (0 for none).")
                                    .withDefault("10"),
                            InputSpec.of(
                                            "github-token",
                                            "Token to post or update one coverage comment on the pull request.")
                                    .secretValue()),
                    List.of(
                            new OutputSpec(
                                    "coverage",
                                    "Overall coverage in percent, two decimals (one, as go tool cover prints "
                                            + "it, when every report is a Go coverprofile)."),
                            new OutputSpec(
                                    "branch-coverage",
                                    "Branch coverage in percent, empty when the reports have none."),
                            new OutputSpec(
                                    "delta",
                                    "Change versus base-file in percentage points, empty without base-file."),
                            new OutputSpec(
                                    "patch-coverage",
                                    "Coverage of added lines in percent, empty without a diff."),
                            new OutputSpec("passed", "true when every gate passed."),
                            new OutputSpec(
                                    "report",
                                    "Path of the JSON report, empty when none was written.")),
                    new Branding("percent", "green"));

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.of("a coverage gate failed");
    }

    @Override
    public Outcome run(ActionContext ctx) throws Exception {
        Inputs in = ctx.inputs();
        Workspace ws = ctx.workspace();
        // Validate every input before reading any report, so a typo fails fast and names the input.
        CoverageFormat format = CoverageFormat.parse("format", in.string("format"));
        Optional<BigDecimal> min = in.decimal("min", BigDecimal.ZERO, HUNDRED);
        List<PathRule> rules = PathRule.parse("rules", in.lines("rules"));
        Optional<BigDecimal> maxDrop = in.decimal("max-drop", BigDecimal.ZERO, HUNDRED);
        Optional<BigDecimal> patchMin = in.decimal("patch-min", BigDecimal.ZERO, HUNDRED);
        int maxAnnotations = in.integer("max-annotations", 0, 1000).orElse(10);
        Optional<String> baseFile = in.optional("base-file");
        if (maxDrop.isPresent() && baseFile.isEmpty()) {
            throw InputException.forInput(
                    "max-drop", "needs base-file (the base branch's coverage)");
        }
        List<Path> files = ws.glob("files", globs(in.string("files")));

        PathMapper mapper = PathMapper.forWorkspace(ws.root());
        CoverageReader reader = new CoverageReader(ws, mapper);
        CoverageData data = reader.read(files, format);
        BigDecimal base = null;
        String baseMissing = null;
        if (baseFile.isPresent()) {
            Path p = ws.resolve("base-file", baseFile.get());
            if (Files.isRegularFile(p)) {
                base = BaseCoverage.read(p, ws.display(p), reader);
            } else if (BaseCoverage.isNumber(baseFile.get())) {
                // A number is the documented third form; a file of that name wins (checked above).
                base =
                        InputsSupport.decimal("base-file", baseFile.get())
                                .setScale(2, RoundingMode.HALF_EVEN);
            } else if (Files.isDirectory(p)) {
                throw new InputException(
                        baseFile.get() + " is a directory, not a file (input 'base-file')");
            } else {
                // No base yet (first run on the default branch, or its artifact expired): nothing
                // to compare with,
                // which must not keep the branch red. A base that exists but is unreadable still
                // fails above.
                baseMissing = ws.display(p);
                ctx.log(
                        "coverage-gate: no base yet: delta skipped (base-file "
                                + baseMissing
                                + " does not exist)");
            }
        }
        PatchCoverage patch = patch(ctx, data, mapper, patchMin.isPresent());

        List<GateCheck> checks = checks(data, min, rules, base, maxDrop, patch, patchMin);
        if (baseMissing != null && maxDrop.isPresent()) {
            checks = new ArrayList<>(checks);
            checks.add(
                    new GateCheck(
                            "max-drop",
                            "no base yet",
                            text(maxDrop.get()),
                            true,
                            "no base yet: delta skipped (" + baseMissing + " does not exist)"));
        }
        GateResult result =
                new GateResult(
                        data,
                        base,
                        baseMissing,
                        base == null ? null : delta(data, base),
                        patch,
                        checks);
        publish(ctx, result, maxAnnotations);
        List<String> failures =
                result.checks().stream().filter(c -> !c.passed()).map(GateCheck::message).toList();
        return failures.isEmpty() ? Outcome.pass() : Outcome.fail(String.join("; ", failures));
    }

    /** Globs split on newlines, and on commas outside {@code {a,b}} alternatives. */
    static List<String> globs(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : value.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            }
            if (c == '\n' || c == '\r' || (c == ',' && depth == 0)) {
                add(out, cur);
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().trim());
        }
        cur.setLength(0);
    }

    private static BigDecimal delta(CoverageData data, BigDecimal base) {
        BigDecimal cov = data.primary().percent(data.precision());
        return cov == null ? null : data.precision().round(cov.subtract(base));
    }

    private static PatchCoverage patch(
            ActionContext ctx, CoverageData data, PathMapper mapper, boolean needed)
            throws IOException, InterruptedException {
        Inputs in = ctx.inputs();
        Workspace ws = ctx.workspace();
        Optional<String> diffFile = in.optional("diff-file");
        if (diffFile.isPresent()) {
            Path p = ws.existingFile("diff-file", diffFile.get());
            return PatchCoverage.compute(data, mapper, UnifiedDiff.addedLines(p, ws.display(p)));
        }
        Optional<String> baseRef = in.optional("base-ref");
        if (baseRef.isEmpty() && needed) {
            // On a pull request the base commit is in the payload; elsewhere the user must say what
            // to diff.
            String sha = ctx.env().event().path("pull_request").path("base").path("sha").asText("");
            baseRef = sha.isEmpty() ? Optional.empty() : Optional.of(sha);
        }
        if (baseRef.isEmpty()) {
            if (needed) {
                throw InputException.forInput(
                        "patch-min", "needs diff-file or base-ref to know which lines were added");
            }
            return null;
        }
        Path diff = GitDiff.diff(ws.root(), baseRef.get());
        try {
            Map<String, BitSet> added =
                    UnifiedDiff.addedLines(diff, "git diff " + baseRef.get() + "...HEAD");
            return PatchCoverage.compute(data, mapper, added);
        } finally {
            Files.deleteIfExists(diff);
        }
    }

    static List<GateCheck> checks(
            CoverageData data,
            Optional<BigDecimal> min,
            List<PathRule> rules,
            BigDecimal base,
            Optional<BigDecimal> maxDrop,
            PatchCoverage patch,
            Optional<BigDecimal> patchMin) {
        List<GateCheck> checks = new ArrayList<>();
        Percent.Precision pr = data.precision();
        BigDecimal cov = data.primary().percent(pr);
        if (min.isPresent()) {
            checks.add(atLeast(pr, "min", "coverage", cov, min.get()));
        }
        for (PathRule r : rules) {
            Counter c = r.measure(data);
            if (c.isEmpty()) {
                // A rule that matches nothing is almost always a path typo; failing makes it
                // visible.
                checks.add(
                        new GateCheck(
                                "rule " + r.glob(),
                                "",
                                text(r.min()),
                                false,
                                "rule '" + r.glob() + "' matches no covered file"));
            } else {
                checks.add(
                        atLeast(
                                pr,
                                "rule " + r.glob(),
                                "coverage of " + r.glob(),
                                c.percent(pr),
                                r.min()));
            }
        }
        if (base != null && maxDrop.isPresent() && cov != null) {
            BigDecimal floor = base.subtract(maxDrop.get());
            boolean ok = cov.compareTo(floor) >= 0;
            checks.add(
                    new GateCheck(
                            "max-drop",
                            pr.text(cov),
                            pr.exactText(floor),
                            ok,
                            ok
                                    ? "coverage dropped by at most "
                                            + text(maxDrop.get())
                                            + " points"
                                    : "coverage "
                                            + pr.text(cov)
                                            + "% dropped "
                                            + pr.exactText(base.subtract(cov))
                                            + " points from base "
                                            + pr.exactText(base)
                                            + "% (max-drop "
                                            + text(maxDrop.get())
                                            + ")"));
        }
        if (patch != null && patchMin.isPresent()) {
            checks.add(
                    atLeast(pr, "patch-min", "patch coverage", patch.percent(pr), patchMin.get()));
        }
        return checks;
    }

    private static GateCheck atLeast(
            Percent.Precision pr, String name, String what, BigDecimal actual, BigDecimal min) {
        boolean ok = actual != null && actual.compareTo(min) >= 0;
        String msg =
                ok
                        ? what + " " + pr.text(actual) + "% meets " + text(min) + "%"
                        : what
                                + " "
                                + pr.text(actual)
                                + "% is below the minimum "
                                + text(min)
                                + "%";
        return new GateCheck(name, pr.text(actual), text(min), ok, msg);
    }

    private static String text(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static void publish(ActionContext ctx, GateResult result, int maxAnnotations)
            throws IOException {
        Percent.Precision pr = result.precision();
        ctx.setOutput("coverage", pr.text(result.coverage()));
        ctx.setOutput("branch-coverage", pr.text(result.branchCoverage()));
        ctx.setOutput("delta", pr.text(result.delta()));
        ctx.setOutput(
                "patch-coverage",
                result.patch() == null ? "" : pr.text(result.patch().percent(pr)));
        ctx.setOutput("passed", String.valueOf(result.passed()));
        Optional<Path> report = reportPath(ctx);
        report.ifPresent(p -> ctx.writeFile("report-file", p, result.toJson()));
        ctx.setOutput("report", report.map(Path::toString).orElse(""));

        String markdown = Templates.render("coverage-gate/summary.md.ftl", result.summaryModel(50));
        ctx.appendSummary(markdown);
        if (result.patch() != null) {
            annotate(ctx, result.patch(), maxAnnotations);
        }
        comment(ctx, markdown);
    }

    private static Optional<Path> reportPath(ActionContext ctx) {
        Optional<String> given = ctx.inputs().optional("report-file");
        if (given.isPresent()) {
            return Optional.of(ctx.workspace().resolve("report-file", given.get()));
        }
        return ctx.env().file("RUNNER_TEMP").map(t -> t.resolve("coverage-gate.json"));
    }

    private static void annotate(ActionContext ctx, PatchCoverage patch, int max) {
        List<PatchCoverage.Range> ranges = patch.uncovered();
        for (PatchCoverage.Range r : ranges.subList(0, Math.min(max, ranges.size()))) {
            String lines =
                    r.start() == r.end()
                            ? "line " + r.start()
                            : "lines " + r.start() + "-" + r.end();
            ctx.annotate(
                    new Annotation(
                            Annotation.Level.WARNING,
                            r.file(),
                            r.start(),
                            r.end() == r.start() ? 0 : r.end(),
                            "Not covered",
                            "Added " + lines + " not covered by tests"));
        }
        if (ranges.size() > max && max > 0) {
            ctx.annotate(
                    new Annotation(
                            Annotation.Level.NOTICE,
                            null,
                            0,
                            0,
                            null,
                            (ranges.size() - max)
                                    + " more uncovered ranges of added lines not annotated (max-annotations: "
                                    + max
                                    + ")"));
        }
    }

    private static void comment(ActionContext ctx, String markdown) {
        Optional<String> token = ctx.inputs().optional("github-token");
        Optional<Integer> pr = ctx.env().pullRequestNumber();
        Optional<String> repo = ctx.env().repository();
        if (token.isEmpty() || pr.isEmpty() || repo.isEmpty()) {
            return;
        }
        try {
            String what =
                    PrComment.upsert(
                            ctx.env().apiUrl(), token.get(), repo.get(), pr.get(), markdown);
            ctx.log("coverage comment " + what + " on #" + pr.get());
        } catch (IOException e) {
            // Fork PRs get a read-only token; the gate's verdict must not depend on being able to
            // comment.
            ctx.annotate(
                    new Annotation(
                            Annotation.Level.WARNING,
                            null,
                            0,
                            0,
                            null,
                            "could not comment on pull request #"
                                    + pr.get()
                                    + ": "
                                    + e.getMessage().lines().findFirst().orElse("")));
        }
    }
}
