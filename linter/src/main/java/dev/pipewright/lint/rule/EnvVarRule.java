package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Environment variable names in every {@code env:} (workflow, job, step, container, services):
 * names the runner cannot set are errors; names a shell cannot read ({@code cache-name}) are
 * warnings only where a shell would read them — a {@code run:} step's own env, or a wider env whose
 * name a script in its scope uses as {@code $name}. A name read as {@code ${{ env.cache-name }}}
 * (as in GitHub's actions/cache example) works and is not reported.
 */
@Rule(
        id = "env-var",
        summary =
                "environment variable names contain no =, spaces or NUL and are usable from shells")
public final class EnvVarRule extends LintRule {
    private static final Pattern PORTABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public void visitWorkflow(Workflow workflow) {
        List<String> scripts = new ArrayList<>();
        workflow.jobs().forEach(j -> scripts.addAll(scripts(j)));
        workflow.root().map("env").ifPresent(env -> check(env, usedIn(scripts)));
    }

    @Override
    public void visitJob(Workflow.Job job) {
        Predicate<String> readByShell = usedIn(scripts(job));
        job.body().map("env").ifPresent(env -> check(env, readByShell));
        job.body()
                .map("container")
                .flatMap(c -> c.map("env"))
                .ifPresent(env -> check(env, readByShell));
        // a service container's env reaches its process, not a shell of ours
        job.body()
                .map("services")
                .ifPresent(
                        services ->
                                services.entries()
                                        .forEach(
                                                e -> {
                                                    if (e.value() instanceof YMap s) {
                                                        s.map("env")
                                                                .ifPresent(
                                                                        env ->
                                                                                check(
                                                                                        env,
                                                                                        name ->
                                                                                                false));
                                                    }
                                                }));
    }

    @Override
    public void visitStep(Workflow.Step step) {
        // a run step's own env is there for its script, however the script spells the names
        boolean run = step.run().isPresent();
        step.body().map("env").ifPresent(env -> check(env, name -> run));
    }

    private static List<String> scripts(Workflow.Job job) {
        List<String> out = new ArrayList<>();
        job.steps().forEach(st -> st.run().ifPresent(r -> out.add(r.value())));
        return out;
    }

    /** A name is read by a shell when one of the scripts in scope says $name or ${name. */
    private static Predicate<String> usedIn(List<String> scripts) {
        return name ->
                scripts.stream().anyMatch(s -> s.contains("$" + name) || s.contains("${" + name));
    }

    private void check(YMap env, Predicate<String> readByShell) {
        for (YMap.Entry e : env.entries()) {
            String name = e.key().value();
            if (e.key().hasExpression()) {
                continue;
            }
            if (name.isEmpty()
                    || name.contains("=")
                    || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == 0)) {
                report(
                        e.key(),
                        "environment variable name \""
                                + name
                                + "\" is invalid: it must not be empty or contain"
                                + " \"=\", whitespace or NUL");
            } else if (!PORTABLE.matcher(name).matches() && readByShell.test(name)) {
                report(
                        e.key().pos(),
                        Severity.WARNING,
                        "environment variable name \""
                                + name
                                + "\" cannot be read as $"
                                + name
                                + " from sh or bash; use letters, digits and _ only");
            }
        }
    }
}
