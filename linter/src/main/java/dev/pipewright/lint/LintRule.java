package dev.pipewright.lint;

import dev.pipewright.lint.schema.LenientEvents;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YamlFile;
import java.util.Objects;

/**
 * Base class of rules: a visitor over one workflow with no-op defaults, as actionlint's {@code
 * Pass}; a fresh instance checks each file, so fields may hold per-file state.
 */
public abstract class LintRule {
    private LintContext context;
    private RuleInfo info;

    final void bind(LintContext context, RuleInfo info) {
        this.context = context;
        this.info = info;
    }

    protected final LintContext ctx() {
        return context;
    }

    protected final void report(Pos pos, String message) {
        context.report(info, pos, message, info.severity(), null);
    }

    protected final void report(YNode node, String message) {
        report(node.pos(), message);
    }

    /** Reports a finding with the fix the rule proposes for it; a null fix is none. */
    protected final void report(Pos pos, String message, Fix fix) {
        context.report(info, pos, message, info.severity(), fix);
    }

    protected final void report(YNode node, String message, Fix fix) {
        report(node.pos(), message, fix);
    }

    protected final void report(Pos pos, Severity severity, String message) {
        context.report(info, pos, message, severity, null);
    }

    /**
     * Reports a finding with a severity of its own and the fix the rule proposes for it; a null fix
     * is none.
     */
    protected final void report(Pos pos, Severity severity, String message, Fix fix) {
        context.report(info, pos, message, severity, fix);
    }

    /**
     * Reports the schema problems GitHub's schema walk attributed to {@code owner} (this rule's
     * subtree).
     */
    protected final void reportSchemaProblems(String owner) {
        if (context.schema() != null) {
            context.schema().problems().stream()
                    .filter(p -> Objects.equals(owner, p.owner()))
                    .forEach(
                            p ->
                                    report(
                                            p.pos(),
                                            p.ignoredByRunner()
                                                            || LenientEvents.covers(
                                                                    context.yaml().root(), p)
                                                    ? Severity.WARNING
                                                    : info.severity(),
                                            p.message()));
        }
    }

    /** Called first for every file, even one that is not valid YAML. */
    public void visitFile(YamlFile yaml) {}

    /** Called once per workflow file before its jobs. */
    public void visitWorkflow(Workflow workflow) {}

    public void visitJob(Workflow.Job job) {}

    public void visitStep(Workflow.Step step) {}

    /** Called after the job's steps. */
    public void endJob(Workflow.Job job) {}

    /** Called after every job. */
    public void endWorkflow(Workflow workflow) {}

    /** Called for action metadata files ({@code action.yml}) instead of the workflow visits. */
    public void visitAction(LintContext.ActionFile action) {}
}
