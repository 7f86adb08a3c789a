package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs pyflakes on {@code run:} scripts whose shell is Python when pyflakes is installed, as
 * actionlint does: each {@code ${{ }}} becomes a same-length placeholder and the findings are
 * mapped back into the YAML file. All scripts of a file go to one pyflakes process ({@link
 * PyflakesProcess}).
 */
@Rule(
        id = "pyflakes",
        summary = "python run scripts pass pyflakes (when pyflakes is installed)",
        severity = Severity.WARNING)
public final class PyflakesRule extends LintRule {
    private static volatile Optional<Path> executable;

    private final List<YScalar> scripts = new ArrayList<>();
    private String workflowShell;
    private String jobShell;

    /**
     * The pyflakes binary: {@code $PIPEWRIGHT_PYFLAKES} when set (empty or {@code off} disables the
     * rule; a path, or a name looked up on PATH), else {@code pyflakes}, then Debian's {@code
     * pyflakes3}, on PATH; looked up once.
     */
    public static Optional<Path> executable() {
        Optional<Path> e = executable;
        if (e == null) {
            e = find(System.getenv("PIPEWRIGHT_PYFLAKES"), System.getenv("PATH"));
            executable = e;
        }
        return e;
    }

    static Optional<Path> find(String override, String path) {
        if (override != null) {
            return ShellcheckRule.find(override, path);
        }
        return ShellcheckRule.find("pyflakes", path)
                .or(() -> ShellcheckRule.find("pyflakes3", path));
    }

    /**
     * Whether a {@code shell:} runs Python: {@code python}, or a custom shell whose command is
     * python ({@code python {0}}, {@code python3 -u {0}}); null when the shell is an expression,
     * which could be anything.
     */
    static Boolean isPython(String shell) {
        if (shell.contains("${{")) {
            return null;
        }
        String first = shell.strip().split("\\s+", 2)[0];
        first = first.substring(first.lastIndexOf('/') + 1);
        return first.matches("python(3(\\.\\d+)?)?");
    }

    @Override
    public void visitWorkflow(Workflow workflow) {
        workflowShell = shellIn(workflow.root()).orElse(null);
    }

    @Override
    public void visitJob(Workflow.Job job) {
        jobShell = shellIn(job.body()).orElse(null);
    }

    @Override
    public void visitStep(Workflow.Step step) {
        Optional<YScalar> run =
                step.run().filter(YScalar::isString).filter(r -> !r.value().isBlank());
        if (run.isEmpty() || executable().isEmpty()) {
            return;
        }
        String shell =
                step.body()
                        .scalar("shell")
                        .map(YScalar::value)
                        .orElse(
                                jobShell != null
                                        ? jobShell
                                        : workflowShell != null ? workflowShell : "bash");
        if (Boolean.TRUE.equals(isPython(shell))) {
            scripts.add(run.get());
        }
    }

    @Override
    public void endWorkflow(Workflow workflow) {
        if (scripts.isEmpty()) {
            return;
        }
        List<String> texts = new ArrayList<>();
        scripts.forEach(s -> texts.add(ShellcheckRule.placeholders(s.value())));
        List<List<PyflakesProcess.Message>> results =
                PyflakesProcess.run(executable().orElseThrow(), texts);
        for (int i = 0; i < scripts.size(); i++) {
            YScalar run = scripts.get(i);
            for (PyflakesProcess.Message m : results.get(i)) {
                // a placeholder standing for ${{ }} is not a name the script forgot to define
                if (m.text().matches("undefined name '_+'")) {
                    continue;
                }
                report(
                        Locator.at(
                                ctx(),
                                run,
                                ShellcheckRule.offset(
                                        run.value(), m.line(), Math.max(1, m.column()))),
                        "pyflakes reported issue in this script: " + m.text());
            }
        }
    }

    private static Optional<String> shellIn(YMap owner) {
        return owner.map("defaults")
                .flatMap(d -> d.map("run"))
                .flatMap(r -> r.scalar("shell"))
                .map(YScalar::value);
    }
}
