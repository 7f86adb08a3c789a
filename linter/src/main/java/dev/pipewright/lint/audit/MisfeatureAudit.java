package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.Optional;
import java.util.Set;

/**
 * Features that work but are best not used: {@code actions/setup-python}'s {@code pip-install}
 * input installs into the global interpreter, unlocked and hard to audit; {@code shell: cmd} has no
 * grammar, so nothing (reader, shellcheck, these audits) can tell what a script does. Shells other
 * than those GitHub documents are reported to auditors only.
 */
@Rule(
        id = "misfeature",
        summary = "workflows avoid pip-install and the cmd shell",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.LOW, confidence = Audit.Confidence.HIGH)
public final class MisfeatureAudit extends AuditRule {
    private static final Set<String> WELL_KNOWN =
            Set.of("bash", "pwsh", "python", "sh", "powershell");

    @Override
    public void visitStep(Workflow.Step step) {
        Workflow wf = currentWorkflow();
        check(
                step.body(),
                ShellCommands.shell(wf, wf.job(step.jobId().value()).orElse(null), step.body()));
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        compositeSteps(action).forEach(s -> check(s, ShellCommands.shell(null, null, s)));
    }

    private void check(YMap step, Optional<YScalar> shell) {
        Uses u = step.string("uses").flatMap(Uses::parse).orElse(null);
        if (u != null && u.is("actions/setup-python")) {
            step.map("with")
                    .flatMap(w -> w.entry("pip-install"))
                    .ifPresent(
                            e ->
                                    report(
                                            e.key(),
                                            "setup-python's pip-install"
                                                    + " installs into the global interpreter, outside any lockfile; create a virtual environment in a run"
                                                    + " step and install into it"));
        }
        if (step.get("run").isEmpty() || shell.isEmpty()) {
            return;
        }
        String name = ShellCommands.shellName(shell.get().value());
        if (name.equals("cmd") || name.equals("cmd.exe")) {
            report(
                    shell.get(),
                    "the cmd shell has no grammar, so neither readers nor tools can tell what the script does;"
                            + " use \"shell: pwsh\" or \"shell: bash\"");
        } else if (!WELL_KNOWN.contains(name) && policy().auditor()) {
            report(
                    shell.get(),
                    "\""
                            + shell.get().value()
                            + "\" is not a shell GitHub documents, so it may be missing on"
                            + " other runners and its scripts cannot be analysed; use bash or pwsh");
        }
    }
}
