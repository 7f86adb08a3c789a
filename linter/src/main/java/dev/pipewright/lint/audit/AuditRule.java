package dev.pipewright.lint.audit;

import dev.pipewright.lint.Fix;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Base of the security audits: the workflow's triggers, the policy and the lock at hand. */
public abstract class AuditRule extends LintRule {
    private Map<String, YScalar> triggers = Map.of();
    private Workflow workflow;

    @Override
    public void visitWorkflow(Workflow wf) {
        this.workflow = wf;
        this.triggers = Triggers.of(wf);
        workflow(wf);
    }

    /** Called instead of {@link #visitWorkflow}, with the triggers known. */
    protected void workflow(Workflow wf) {}

    protected final Workflow currentWorkflow() {
        return workflow;
    }

    protected final Map<String, YScalar> triggers() {
        return triggers;
    }

    protected final boolean privileged() {
        return triggers.keySet().stream().anyMatch(Triggers.PRIVILEGED::contains);
    }

    protected final AuditPolicy policy() {
        return ctx().config().audits();
    }

    /**
     * Reports a finding meant for {@code who}: shown only when the policy's persona sees that
     * persona's findings.
     */
    protected final void report(Persona who, YNode node, String message) {
        report(who, node, message, null);
    }

    /**
     * As above, with the fix the audit proposes (null for none); a finding the persona does not see
     * proposes none.
     */
    protected final void report(Persona who, YNode node, String message, Fix fix) {
        if (policy().shows(who)) {
            report(node, message, fix);
        }
    }

    /** As {@link #report(Persona, YNode, String)}, at a position and with a severity of its own. */
    protected final void report(Persona who, Pos pos, Severity severity, String message) {
        report(who, pos, severity, message, null);
    }

    /**
     * As above, with the fix the audit proposes (null for none); a finding the persona does not see
     * proposes none.
     */
    protected final void report(Persona who, Pos pos, Severity severity, String message, Fix fix) {
        if (policy().shows(who)) {
            report(pos, severity, message, fix);
        }
    }

    protected final ActionsLock lock() {
        return ActionsLock.forProject(ctx().projectRoot());
    }

    /** The steps of a composite action, as mappings. */
    protected static List<YMap> compositeSteps(LintContext.ActionFile action) {
        List<YMap> out = new ArrayList<>();
        action.root()
                .map("runs")
                .filter(r -> r.string("using").orElse("").equals("composite"))
                .flatMap(r -> r.seq("steps"))
                .ifPresent(
                        seq -> {
                            for (YNode n : seq.items()) {
                                if (n instanceof YMap m) {
                                    out.add(m);
                                }
                            }
                        });
        return out;
    }

    /** Every string scalar under a node, depth first. */
    protected static void strings(YNode n, List<YScalar> out) {
        if (n instanceof YScalar s && s.isString()) {
            out.add(s);
        } else if (n instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                strings(e.value(), out);
            }
        } else if (n instanceof YSeq q) {
            for (YNode i : q.items()) {
                strings(i, out);
            }
        }
    }
}
