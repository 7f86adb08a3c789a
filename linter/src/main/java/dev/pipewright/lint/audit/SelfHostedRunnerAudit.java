package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Self-hosted runners keep state between jobs; on a public repository, a workflow outsiders can
 * trigger (pull requests, issues, comments) may run their code on the machine. Informational: fine
 * for private repositories and ephemeral runners.
 */
@Rule(
        id = "self-hosted-runner",
        summary = "workflows outsiders can trigger are not run on self-hosted runners",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.INFORMATIONAL, confidence = Audit.Confidence.LOW)
public final class SelfHostedRunnerAudit extends AuditRule {
    @Override
    public void visitJob(Workflow.Job job) {
        List<String> events =
                triggers().keySet().stream().filter(Triggers.PUBLIC::contains).toList();
        if (events.isEmpty()) {
            return;
        }
        for (YScalar label : labels(job.body().get("runs-on").orElse(null))) {
            // runs-on: ${{ matrix.os }} runs on each value of the matrix, as zizmor expands it.
            List<String> values =
                    MatrixValues.expand(job.body(), label).orElse(List.of(label.value()));
            for (String l : values) {
                if (l.toLowerCase(Locale.ROOT).equals("self-hosted")
                        || ctx().config().isConfiguredLabel(l)) {
                    String from = l.equals(label.value()) ? "" : ", from the matrix";
                    report(
                            label,
                            "job \""
                                    + job.id().value()
                                    + "\" runs on a self-hosted runner (\""
                                    + l
                                    + "\""
                                    + from
                                    + ") and the workflow runs on "
                                    + String.join(", ", events)
                                    + "; on a public repository outsiders'"
                                    + " code may run on that machine. Use GitHub-hosted or ephemeral runners");
                    return;
                }
            }
        }
    }

    private static List<YScalar> labels(YNode n) {
        List<YScalar> out = new ArrayList<>();
        if (n instanceof YScalar s) {
            out.add(s);
        } else if (n instanceof YSeq q) {
            q.items().stream()
                    .filter(YScalar.class::isInstance)
                    .map(YScalar.class::cast)
                    .forEach(out::add);
        } else if (n instanceof YMap m) {
            m.get("labels").ifPresent(l -> out.addAll(labels(l)));
        }
        return out;
    }
}
