package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Environment variable names in every {@code env:} (workflow, job, step, container, services): names the runner
 * cannot set are errors; names a shell cannot read ({@code cache-name}) are warnings only where a shell would read
 * them — a {@code run:} step's own env, or a wider env whose name a script in its scope uses as {@code $name}. A
 * name read as {@code ${{ env.cache-name }}} (as in GitHub's actions/cache example) works and is not reported.
 */
@Rule(id = "env-var", summary = "environment variable names contain no =, spaces or NUL and are usable from shells")
public final class EnvVarRule extends LintRule {
    private static final Pattern PORTABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public void visitWorkflow(Workflow workflow) {
        List<String> scripts = new ArrayList<>();
        workflow.jobs().forEach(j -> scripts.addAll(scripts(j)));
        workflow.root().map("env").ifPresent(env -> check(env, scripts));
    }

    @Override
    public void visitJob(Workflow.Job job) {
        List<String> scripts = scripts(job);
        job.body().map("env").ifPresent(env -> check(env, scripts));
        job.body().map("container").flatMap(c -> c.map("env")).ifPresent(env -> check(env, scripts));
        // a service container's env reaches its process, not a shell of ours
        job.body().map("services").ifPresent(services -> services.entries().forEach(e -> {
            if (e.value() instanceof YMap s) {
                s.map("env").ifPresent(env -> check(env, null));
            }
        }));
    }

    @Override
    public void visitStep(Workflow.Step step) {
        step.body().map("env").ifPresent(env -> check(env, step.run().isPresent() ? ALWAYS : null));
    }

    /** Marks a run step's own env: its names are there for the script, however it spells them. */
    private static final List<String> ALWAYS = List.of();

    private static List<String> scripts(Workflow.Job job) {
        List<String> out = new ArrayList<>();
        job.steps().forEach(st -> st.run().ifPresent(r -> out.add(r.value())));
        return out;
    }

    /** Whether a shell would read {@code name}: always for a run step's env, else when a script says $name. */
    private static boolean readByShell(String name, List<String> scripts) {
        if (scripts == ALWAYS) {
            return true;
        }
        return scripts != null && scripts.stream().anyMatch(s -> s.contains("$" + name) || s.contains("${" + name));
    }

    private void check(YMap env, List<String> scripts) {
        for (YMap.Entry e : env.entries()) {
            String name = e.key().value();
            if (e.key().hasExpression()) {
                continue;
            }
            if (name.isEmpty() || name.contains("=") || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == 0)) {
                report(e.key(), "environment variable name \"" + name + "\" is invalid: it must not be empty or contain"
                        + " \"=\", whitespace or NUL");
            } else if (!PORTABLE.matcher(name).matches() && readByShell(name, scripts)) {
                report(e.key().pos(), Severity.WARNING, "environment variable name \"" + name + "\" cannot be read as $"
                        + name + " from sh or bash; use letters, digits and _ only");
            }
        }
    }
}
