package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.data.RunnerLabels;
import dev.pipewright.lint.schema.Suggest;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runner labels in {@code runs-on}: retired GitHub-hosted labels, look-alikes of hosted labels,
 * hosted labels mixed with {@code self-hosted}; other labels are assumed to be self-hosted or
 * larger runners, which carry names of their owner's choosing.
 */
@Rule(id = "runner-label", summary = "runs-on labels are current GitHub-hosted labels or configured self-hosted ones")
public final class RunnerLabelRule extends LintRule {
    /** Names shaped like GitHub's image labels; a miss is most likely a typo or an old image. */
    private static final Pattern HOSTED_SHAPE = Pattern.compile(
            "(ubuntu|windows|macos)-(latest|[0-9][0-9.]*)(-(arm|intel|large|xlarge|vs[0-9]+))?");

    @Override
    public void visitWorkflow(Workflow workflow) {
        reportSchemaProblems("runner-label");
    }

    @Override
    public void visitJob(Workflow.Job job) {
        job.body().get("runs-on").ifPresent(n -> {
            List<YScalar> labels = new ArrayList<>();
            if (n instanceof YScalar s) {
                labels.add(s);
            } else if (n instanceof YSeq seq) {
                seq.items().forEach(i -> {
                    if (i instanceof YScalar s) {
                        labels.add(s);
                    }
                });
            } else if (n instanceof YMap m) {
                m.get("labels").ifPresent(l -> {
                    if (l instanceof YScalar s) {
                        labels.add(s);
                    } else if (l instanceof YSeq seq) {
                        seq.items().forEach(i -> {
                            if (i instanceof YScalar s) {
                                labels.add(s);
                            }
                        });
                    }
                });
            }
            check(labels);
        });
    }

    private void check(List<YScalar> labels) {
        YScalar selfHosted = null;
        YScalar hosted = null;
        for (YScalar s : labels) {
            if (s.hasExpression() || !s.isString()) {
                continue;
            }
            String label = s.value();
            String lower = label.toLowerCase(Locale.ROOT);
            if (lower.equals("self-hosted")) {
                selfHosted = s;
            } else if (RunnerLabels.CURRENT.contains(lower)) {
                if (hosted != null) {
                    report(s, "runner labels \"" + hosted.value() + "\" and \"" + label + "\" are both GitHub-hosted;"
                            + " a job runs on one machine, so keep one of them");
                }
                hosted = s;
            } else if (ctx().config().isConfiguredLabel(label)) {
                continue;
            } else if (RunnerLabels.RETIRED.contains(lower)) {
                report(s, "runner label \"" + label + "\" is a retired GitHub-hosted image; jobs wait for a runner until"
                        + " they time out. " + suggestion(lower));
            } else if (HOSTED_SHAPE.matcher(lower).matches()) {
                report(s.pos(), Severity.WARNING, "runner label \"" + label + "\" looks GitHub-hosted but is not a known label. "
                        + suggestion(lower) + " For a self-hosted or larger runner, list it under self-hosted-runner.labels in "
                        + ".github/pipewright-lint.yml");
            } else if (lower.matches("(ubuntu|windows|macos)\\b.*") && nearMiss(lower) != null) {
                // e.g. ubuntu-lates: no runner ever takes it, so the job queues until GitHub gives up on it
                report(s.pos(), Severity.WARNING, "runner label \"" + label + "\" is not a known label; did you mean \""
                        + nearMiss(lower) + "\"? For a self-hosted or larger runner, list it under "
                        + "self-hosted-runner.labels in .github/pipewright-lint.yml");
            }
        }
        if (selfHosted != null && hosted != null) {
            report(hosted, "runner label \"" + hosted.value() + "\" is GitHub-hosted but \"self-hosted\" is also required;"
                    + " no runner has both, so the job never starts");
        }
    }

    /**
     * The current hosted label one or two edits away from {@code label}, or null; larger runners are named by their
     * owners (ubuntu-24.04-xl, ubuntu-latest-16-cores) and sit further away.
     */
    private static String nearMiss(String label) {
        return Suggest.closest(label, RunnerLabels.CURRENT.stream().sorted().toList(), 2);
    }

    private static String suggestion(String label) {
        String os = label.startsWith("ubuntu") ? "ubuntu" : label.startsWith("windows") ? "windows" : "macos";
        List<String> current = RunnerLabels.CURRENT.stream().filter(l -> l.startsWith(os)).sorted().toList();
        return "Current " + os + " labels: " + String.join(", ", current) + ".";
    }

}
