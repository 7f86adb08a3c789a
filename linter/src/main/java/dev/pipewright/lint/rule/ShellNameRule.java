package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.schema.Suggest;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;

/** {@code shell:} names a shell the runner knows, or a custom command containing {@code {0}}. */
@Rule(id = "shell-name", summary = "shell is bash, pwsh, python, sh, cmd, powershell or a command template with {0}")
public final class ShellNameRule extends LintRule {
    static final List<String> SHELLS = List.of("bash", "pwsh", "python", "sh", "cmd", "powershell");

    @Override
    public void visitWorkflow(Workflow workflow) {
        workflow.root().map("defaults").flatMap(d -> d.map("run")).ifPresent(this::checkIn);
    }

    @Override
    public void visitJob(Workflow.Job job) {
        job.body().map("defaults").flatMap(d -> d.map("run")).ifPresent(this::checkIn);
    }

    @Override
    public void visitStep(Workflow.Step step) {
        checkIn(step.body());
    }

    private void checkIn(YMap map) {
        map.scalar("shell").filter(YScalar::isString).filter(s -> !s.hasExpression()).ifPresent(this::check);
    }

    private void check(YScalar shell) {
        String v = shell.value().strip();
        if (v.contains("{0}")) {
            return;
        }
        String name = v.split("\\s+")[0];
        if (v.contains(" ")) {
            report(shell, "custom shell \"" + v + "\" must contain {0}, the path of the script, e.g. \"" + v + " {0}\"");
        } else if (!SHELLS.contains(name)) {
            String close = Suggest.closest(name, SHELLS);
            report(shell, "shell \"" + v + "\" is unknown; use one of " + String.join(", ", SHELLS)
                    + (close != null ? " (did you mean \"" + close + "\"?)" : "") + " or a command with {0}");
        }
    }
}
