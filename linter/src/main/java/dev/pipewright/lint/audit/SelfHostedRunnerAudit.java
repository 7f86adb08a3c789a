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
    /**
     * Reported at the {@code runs-on:} key, where zizmor reports it (its ignore comments keep
     * applying). A self-hosted runner on triggers outsiders cannot fire, a runner group (which
     * implies self-hosted runners) and a label list that starts with an expression are the auditor
     * persona's, as zizmor's: fine on private repositories and ephemeral runners.
     */
    @Override
    public void visitJob(Workflow.Job job) {
        YMap.Entry runsOn = job.body().entry("runs-on").orElse(null);
        if (runsOn == null) {
            return;
        }
        List<String> events =
                triggers().keySet().stream().filter(Triggers.PUBLIC::contains).toList();
        for (YScalar label : labels(runsOn.value())) {
            // runs-on: ${{ matrix.os }} runs on each value of the matrix, as zizmor expands it.
            List<String> values =
                    MatrixValues.expand(job.body(), label).orElse(List.of(label.value()));
            for (String l : values) {
                if (l.toLowerCase(Locale.ROOT).equals("self-hosted")
                        || ctx().config().isConfiguredLabel(l)) {
                    String from = l.equals(label.value()) ? "" : ", from the matrix";
                    String runner =
                            "job \""
                                    + job.id().value()
                                    + "\" runs on a self-hosted runner (\""
                                    + l
                                    + "\""
                                    + from
                                    + ")";
                    if (events.isEmpty()) {
                        report(
                                Persona.AUDITOR,
                                runsOn.key(),
                                runner
                                        + ", which keeps state between jobs; make sure only trusted code runs there, or use"
                                        + " GitHub-hosted or ephemeral runners");
                    } else {
                        report(
                                label,
                                runner
                                        + " and the workflow runs on "
                                        + String.join(", ", events)
                                        + "; on a public repository outsiders'"
                                        + " code may run on that machine. Use GitHub-hosted or ephemeral runners");
                    }
                    return;
                }
            }
        }
        if (runsOn.value() instanceof YMap m && m.get("group").isPresent()) {
            report(
                    Persona.AUDITOR,
                    runsOn.key(),
                    "job \""
                            + job.id().value()
                            + "\" runs in a runner group, which implies self-hosted runners that keep state between"
                            + " jobs; make sure only trusted code runs there");
        } else if (runsOn.value() instanceof YSeq q
                && !q.items().isEmpty()
                && q.items().get(0) instanceof YScalar first
                && first.hasExpression()
                && MatrixValues.expand(job.body(), first).isEmpty()) {
            report(
                    Persona.AUDITOR,
                    runsOn.key(),
                    "job \""
                            + job.id().value()
                            + "\" runs on a runner an expression names, which may be a self-hosted runner");
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
