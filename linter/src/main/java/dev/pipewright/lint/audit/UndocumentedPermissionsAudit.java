package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * A permission granted without a comment saying why is hard to take away later: nobody knows what
 * needs it. Every scope of an explicit {@code permissions:} mapping wants a comment on its line or
 * the line above, except {@code contents: read}, which explains itself. Pedantic, as zizmor rates
 * it.
 */
@Rule(
        id = "undocumented-permissions",
        summary = "each granted permission has a comment saying why (pedantic)",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.LOW, confidence = Audit.Confidence.HIGH)
public final class UndocumentedPermissionsAudit extends AuditRule {
    @Override
    protected void workflow(Workflow wf) {
        wf.root().map("permissions").ifPresent(this::check);
    }

    @Override
    public void visitJob(Workflow.Job job) {
        job.body().map("permissions").ifPresent(this::check);
    }

    private void check(YMap permissions) {
        if (!policy().pedantic()) {
            return;
        }
        List<String> undocumented = new ArrayList<>();
        for (YMap.Entry e : permissions.entries()) {
            String scope = e.key().value();
            boolean contentsRead = scope.equals("contents") && e.value().toString().equals("read");
            if (!contentsRead && !commented(e)) {
                undocumented.add(scope);
            }
        }
        if (!undocumented.isEmpty()) {
            YMap.Entry first =
                    permissions.entries().stream()
                            .filter(e -> e.key().value().equals(undocumented.get(0)))
                            .findFirst()
                            .orElseThrow();
            report(
                    first.key(),
                    "permission(s) "
                            + String.join(", ", undocumented)
                            + " have no comment saying what needs"
                            + " them; add one (\"issues: write  # labels new issues\")");
        }
    }

    /**
     * A non-empty comment after the value on the scope's line, or on a comment line right above it.
     */
    private boolean commented(YMap.Entry e) {
        int line = e.key().pos().line();
        String text = ctx().line(line);
        int end =
                e.value().pos().line() == line && e.value() instanceof YScalar v
                        ? Math.max(v.end().col() - 1, e.key().pos().col())
                        : e.key().pos().col();
        int hash = text.indexOf('#', Math.min(end, text.length()));
        if (hash >= 0 && !text.substring(hash + 1).isBlank()) {
            return true;
        }
        String above = line > 1 ? ctx().line(line - 1).strip() : "";
        return above.startsWith("#") && !above.substring(1).isBlank();
    }
}
