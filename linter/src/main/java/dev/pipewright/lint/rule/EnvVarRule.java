package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import java.util.regex.Pattern;

/** Environment variable names in every {@code env:} (workflow, job, step, container, services). */
@Rule(id = "env-var", summary = "environment variable names contain no =, spaces or NUL and are usable from shells")
public final class EnvVarRule extends LintRule {
    private static final Pattern PORTABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public void visitWorkflow(Workflow workflow) {
        workflow.root().map("env").ifPresent(this::check);
    }

    @Override
    public void visitJob(Workflow.Job job) {
        job.body().map("env").ifPresent(this::check);
        job.body().map("container").flatMap(c -> c.map("env")).ifPresent(this::check);
        job.body().map("services").ifPresent(services -> services.entries().forEach(e -> {
            if (e.value() instanceof YMap s) {
                s.map("env").ifPresent(this::check);
            }
        }));
    }

    @Override
    public void visitStep(Workflow.Step step) {
        step.body().map("env").ifPresent(this::check);
    }

    private void check(YMap env) {
        for (YMap.Entry e : env.entries()) {
            String name = e.key().value();
            if (e.key().hasExpression()) {
                continue;
            }
            if (name.isEmpty() || name.contains("=") || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == 0)) {
                report(e.key(), "environment variable name \"" + name + "\" is invalid: it must not be empty or contain"
                        + " \"=\", whitespace or NUL");
            } else if (!PORTABLE.matcher(name).matches()) {
                report(e.key().pos(), Severity.WARNING, "environment variable name \"" + name + "\" cannot be read as $"
                        + name + " from sh or bash; use letters, digits and _ only");
            }
        }
    }
}
