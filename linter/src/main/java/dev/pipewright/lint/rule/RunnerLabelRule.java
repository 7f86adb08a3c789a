package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.data.RunnerLabels;
import dev.pipewright.lint.schema.Suggest;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runner labels in {@code runs-on}: retired GitHub-hosted labels, misspellings and look-alikes of
 * hosted labels, hosted labels mixed with {@code self-hosted}; other labels are assumed to be
 * self-hosted or larger runners, which carry names of their owner's choosing, unless the
 * configuration lists its runners' labels.
 */
@Rule(
        id = "runner-label",
        summary = "runs-on labels are current GitHub-hosted labels or configured self-hosted ones")
public final class RunnerLabelRule extends LintRule {
    /** Names shaped like GitHub's image labels; a miss is most likely a typo or an old image. */
    private static final Pattern HOSTED_SHAPE =
            Pattern.compile(
                    "(ubuntu|windows|macos)-(latest|[0-9][0-9.]*)(-(arm|intel|large|xlarge|vs[0-9]+))?");

    @Override
    public void visitWorkflow(Workflow workflow) {
        reportSchemaProblems("runner-label");
    }

    @Override
    public void visitJob(Workflow.Job job) {
        job.body()
                .get("runs-on")
                .ifPresent(
                        n -> {
                            List<YScalar> labels = new ArrayList<>();
                            if (n instanceof YScalar s) {
                                labels.add(s);
                            } else if (n instanceof YSeq seq) {
                                seq.items()
                                        .forEach(
                                                i -> {
                                                    if (i instanceof YScalar s) {
                                                        labels.add(s);
                                                    }
                                                });
                            } else if (n instanceof YMap m) {
                                m.get("labels")
                                        .ifPresent(
                                                l -> {
                                                    if (l instanceof YScalar s) {
                                                        labels.add(s);
                                                    } else if (l instanceof YSeq seq) {
                                                        seq.items()
                                                                .forEach(
                                                                        i -> {
                                                                            if (i
                                                                                    instanceof
                                                                                    YScalar s) {
                                                                                labels.add(s);
                                                                            }
                                                                        });
                                                    }
                                                });
                            }
                            check(labels, job);
                            systems(labels, job);
                        });
    }

    /**
     * {@code ${{ matrix.name }}} as a whole label, whose values come from the matrix row {@code
     * name}.
     */
    private static final Pattern MATRIX_LABEL =
            Pattern.compile("\\$\\{\\{\\s*matrix\\.([A-Za-z_][\\w-]*)\\s*}}");

    /**
     * Labels naming different systems (a Linux image and {@code windows}, or a matrix value {@code
     * windows-latest} next to {@code ubuntu-latest}): no runner is both, so the job never starts.
     * As actionlint, a matrix row is expanded when a whole label is {@code ${{ matrix.name }}};
     * each conflicting value is reported once, where it is written. Two GitHub-hosted labels are
     * {@link #check}'s finding.
     */
    private void systems(List<YScalar> labels, Workflow.Job job) {
        List<YScalar> fixed = new ArrayList<>();
        for (YScalar s : labels) {
            if (!s.hasExpression() && s.isString() && system(s.value()) != null) {
                YScalar other =
                        fixed.stream()
                                .filter(f -> !system(f.value()).equals(system(s.value())))
                                .findFirst()
                                .orElse(null);
                boolean bothHosted =
                        other != null
                                && RunnerLabels.CURRENT.contains(lower(other.value()))
                                && RunnerLabels.CURRENT.contains(lower(s.value()));
                if (other != null && !bothHosted) {
                    reportConflict(s, other);
                }
                fixed.add(s);
            }
        }
        if (fixed.isEmpty() || labels.size() < 2) {
            return;
        }
        for (YScalar s : labels) {
            Matcher m = MATRIX_LABEL.matcher(s.value().strip());
            if (!s.hasExpression() || !m.matches()) {
                continue;
            }
            job.strategyMatrix()
                    .flatMap(x -> x.seq(m.group(1)))
                    .ifPresent(
                            row ->
                                    row.items()
                                            .forEach(
                                                    v -> {
                                                        if (v instanceof YScalar value
                                                                && value.isString()
                                                                && !value.hasExpression()
                                                                && system(value.value()) != null) {
                                                            fixed.stream()
                                                                    .filter(
                                                                            f ->
                                                                                    !system(
                                                                                                    f
                                                                                                            .value())
                                                                                            .equals(
                                                                                                    system(
                                                                                                            value
                                                                                                                    .value())))
                                                                    .findFirst()
                                                                    .ifPresent(
                                                                            f ->
                                                                                    reportConflict(
                                                                                            value,
                                                                                            f));
                                                        }
                                                    }));
        }
    }

    private void reportConflict(YScalar label, YScalar other) {
        report(
                label,
                "runner label \""
                        + label.value()
                        + "\" and \""
                        + other.value()
                        + "\" (line "
                        + other.pos().line()
                        + ", column "
                        + other.pos().col()
                        + ") name different systems ("
                        + system(label.value())
                        + ", "
                        + system(other.value())
                        + "); no runner has both, so the job never starts. To run on each, use a matrix"
                        + " of single labels");
    }

    /**
     * The system a label names: GitHub-hosted images (current and retired) and the {@code linux},
     * {@code macos} and {@code windows} labels every self-hosted runner carries; null for other
     * labels (larger and self-hosted runners).
     */
    static String system(String label) {
        String l = lower(label);
        boolean known = RunnerLabels.CURRENT.contains(l) || RunnerLabels.RETIRED.contains(l);
        if (l.equals("linux") || known && l.startsWith("ubuntu")) {
            return "Linux";
        } else if (l.equals("macos") || known && l.startsWith("macos")) {
            return "macOS";
        } else if (l.equals("windows") || known && l.startsWith("windows")) {
            return "Windows";
        }
        return null;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private void check(List<YScalar> labels, Workflow.Job job) {
        YScalar selfHosted = null;
        YScalar hosted = null;
        for (YScalar s : labels) {
            if (!s.isString()) {
                continue;
            }
            if (s.hasExpression()) {
                // as actionlint, a whole label ${{ matrix.name }} stands for each value of the
                // matrix row and includes
                matrixValues(s, job).forEach(this::checkUnknown);
                continue;
            }
            String label = s.value();
            String lower = label.toLowerCase(Locale.ROOT);
            if (lower.equals("self-hosted")) {
                selfHosted = s;
            } else if (RunnerLabels.CURRENT.contains(lower)) {
                if (hosted != null) {
                    report(
                            s,
                            "runner labels \""
                                    + hosted.value()
                                    + "\" and \""
                                    + label
                                    + "\" are both GitHub-hosted;"
                                    + " a job runs on one machine, so keep one of them");
                }
                hosted = s;
            } else {
                checkUnknown(s);
            }
        }
        if (selfHosted != null && hosted != null) {
            report(
                    hosted,
                    "runner label \""
                            + hosted.value()
                            + "\" is GitHub-hosted but \"self-hosted\" is also required;"
                            + " no runner has both, so the job never starts");
        }
    }

    /**
     * The labels every self-hosted runner carries (GitHub's default labels), and the names GitHub's
     * documentation gives larger runners: actionlint knows both, so a configuration listing labels
     * need not repeat them.
     */
    private static final Set<String> PRESET =
            Set.of(
                    "self-hosted",
                    "linux",
                    "macos",
                    "windows",
                    "x64",
                    "arm",
                    "arm64",
                    "ubuntu-latest-4-cores",
                    "ubuntu-latest-8-cores",
                    "ubuntu-latest-16-cores",
                    "windows-latest-8-cores");

    /**
     * A label that is not a current GitHub-hosted one: retired images and misspellings of hosted
     * labels are errors (no runner ever takes the job); when the configuration lists its runners'
     * labels, so is any other unknown label. Without that list an unknown label is taken for a
     * self-hosted or larger runner's, which carry names of their owners' choosing
     * (depot-ubuntu-24.04-4, namespace-profile-linux-small, ubuntu-latest-16-cores).
     */
    private void checkUnknown(YScalar s) {
        String label = s.value();
        String lower = lower(label);
        if (RunnerLabels.CURRENT.contains(lower)
                || lower.equals("self-hosted")
                || ctx().config().isConfiguredLabel(label)) {
            return;
        }
        boolean listed = ctx().config().runnerLabelsListed();
        String near = nearMiss(lower);
        if (RunnerLabels.RETIRED.contains(lower)) {
            report(
                    s,
                    "runner label \""
                            + label
                            + "\" is a retired GitHub-hosted image; jobs wait for a runner until"
                            + " they time out. "
                            + suggestion(lower));
        } else if (near != null && misspelt(lower, near)) {
            report(
                    s,
                    "runner label \""
                            + label
                            + "\" is not a GitHub-hosted label; did you mean \""
                            + near
                            + "\"? No runner"
                            + " takes it, so the job waits until it times out"
                            + (listed
                                    ? ""
                                    : " (a self-hosted runner named so"
                                            + " goes under self-hosted-runner.labels in .github/pipewright-lint.yml)"));
        } else if (listed && !PRESET.contains(lower)) {
            String hint =
                    near != null
                            ? "did you mean \"" + near + "\"? If"
                            : HOSTED_SHAPE.matcher(lower).matches()
                                    ? suggestion(lower) + " If"
                                    : "if";
            report(
                    s,
                    "runner label \""
                            + label
                            + "\" is neither GitHub-hosted nor listed under self-hosted-runner.labels in"
                            + " .github/pipewright-lint.yml; "
                            + hint
                            + " one of your runners has it, add it there");
        } else if (HOSTED_SHAPE.matcher(lower).matches()) {
            report(
                    s.pos(),
                    Severity.WARNING,
                    "runner label \""
                            + label
                            + "\" looks GitHub-hosted but is not a known label. "
                            + suggestion(lower)
                            + " For a self-hosted or larger runner, list it under self-hosted-runner.labels in "
                            + ".github/pipewright-lint.yml");
        } else if (lower.matches("(ubuntu|windows|macos)\\b.*") && near != null) {
            // e.g. ubuntu-24.04-arm64: close to a hosted label, but extending it as larger runners'
            // names do
            report(
                    s.pos(),
                    Severity.WARNING,
                    "runner label \""
                            + label
                            + "\" is not a known label; did you mean \""
                            + near
                            + "\"? For a self-hosted or larger runner, list it under "
                            + "self-hosted-runner.labels in .github/pipewright-lint.yml");
        }
    }

    /**
     * Whether {@code label}, one or two edits from the hosted label {@code near}, is a misspelling
     * of it (ubunut-latest, ubuntu-lastest, windows-latests) rather than a name of its own: not
     * shaped like a hosted label (a newer image than the table knows, ubuntu-26.10), and not the
     * hosted label extended as larger and self-hosted runners are named (ubuntu-latest-m,
     * ubuntu-24.04-arm64).
     */
    static boolean misspelt(String label, String near) {
        if (HOSTED_SHAPE.matcher(label).matches()) {
            return false;
        }
        String rest = label.startsWith(near) ? label.substring(near.length()) : null;
        return rest == null
                || !(rest.startsWith("-") || rest.startsWith("_") || rest.matches("[0-9]+"));
    }

    /**
     * The values of {@code ${{ matrix.name }}} written in the matrix row {@code name} and its
     * includes.
     */
    private static List<YScalar> matrixValues(YScalar label, Workflow.Job job) {
        Matcher m = MATRIX_LABEL.matcher(label.value().strip());
        List<YScalar> out = new ArrayList<>();
        if (!m.matches()) {
            return out;
        }
        String name = m.group(1);
        job.strategyMatrix()
                .ifPresent(
                        matrix -> {
                            matrix.seq(name)
                                    .ifPresent(row -> row.items().forEach(v -> addValue(v, out)));
                            matrix.seq("include")
                                    .ifPresent(
                                            include ->
                                                    include.items()
                                                            .forEach(
                                                                    i -> {
                                                                        if (i
                                                                                instanceof
                                                                                YMap combination) {
                                                                            combination
                                                                                    .get(name)
                                                                                    .ifPresent(
                                                                                            v ->
                                                                                                    addValue(
                                                                                                            v,
                                                                                                            out));
                                                                        }
                                                                    }));
                        });
        return out;
    }

    private static void addValue(YNode v, List<YScalar> out) {
        if (v instanceof YScalar value && value.isString() && !value.hasExpression()) {
            out.add(value);
        }
    }

    /**
     * The current hosted label one edit away from {@code label}, or two from one longer than eight
     * characters, or null; larger runners are named by their owners (ubuntu-24.04-xl,
     * ubuntu-latest-16-cores) and sit further away, and two edits of a short label reach other
     * names (macos-m1 is two from macos-14).
     */
    static String nearMiss(String label) {
        List<String> current = RunnerLabels.CURRENT.stream().sorted().toList();
        String one = Suggest.closest(label, current, 1);
        return one != null
                ? one
                : Suggest.closest(label, current.stream().filter(l -> l.length() > 8).toList(), 2);
    }

    private static String suggestion(String label) {
        String os =
                label.startsWith("ubuntu")
                        ? "ubuntu"
                        : label.startsWith("windows") ? "windows" : "macos";
        List<String> current =
                RunnerLabels.CURRENT.stream().filter(l -> l.startsWith(os)).sorted().toList();
        return "Current " + os + " labels: " + String.join(", ", current) + ".";
    }
}
