package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.schema.Suggest;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code shell:} names a shell the runner knows, or a custom command containing {@code {0}}. The
 * runner matches names case-insensitively; on a GitHub-hosted runner whose system the labels tell,
 * a name of the other system's shells ({@code powershell}, {@code cmd} on Linux and macOS; {@code
 * sh} on Windows) is not found on the machine.
 */
@Rule(
        id = "shell-name",
        summary = "shell is bash, pwsh, python, sh, cmd, powershell or a command template with {0}")
public final class ShellNameRule extends LintRule {
    static final List<String> SHELLS = List.of("bash", "pwsh", "python", "sh", "cmd", "powershell");

    static final List<String> UNIX = List.of("bash", "pwsh", "python", "sh");
    static final List<String> WINDOWS = List.of("bash", "cmd", "powershell", "pwsh", "python");

    /**
     * The runner's system, when the job's labels name one; null when unknown (expressions,
     * self-hosted names).
     */
    private enum Os {
        UNIX,
        WINDOWS
    }

    private Workflow workflow;

    @Override
    public void visitWorkflow(Workflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void visitJob(Workflow.Job job) {
        Os os = osOf(job);
        // Workflow defaults apply to every job, so they are checked against each job's system (once
        // when unknown).
        workflow.root()
                .map("defaults")
                .flatMap(d -> d.map("run"))
                .ifPresent(
                        m -> {
                            if (os != null || job == workflow.jobs().get(0)) {
                                checkIn(m, os);
                            }
                        });
        job.body().map("defaults").flatMap(d -> d.map("run")).ifPresent(m -> checkIn(m, os));
        for (Workflow.Step step : job.steps()) {
            checkIn(step.body(), os);
        }
    }

    @Override
    public void endWorkflow(Workflow workflow) {
        if (workflow.jobs().isEmpty()) {
            workflow.root()
                    .map("defaults")
                    .flatMap(d -> d.map("run"))
                    .ifPresent(m -> checkIn(m, null));
        }
    }

    private void checkIn(YMap map, Os os) {
        map.scalar("shell")
                .filter(YScalar::isString)
                .filter(s -> !s.hasExpression())
                .ifPresent(s -> check(s, os));
    }

    private void check(YScalar shell, Os os) {
        String v = shell.value().strip();
        if (v.contains("{0}")) {
            return;
        }
        String name = v.split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (v.contains(" ")) {
            report(
                    shell,
                    "custom shell \""
                            + v
                            + "\" must contain {0}, the path of the script, e.g. \""
                            + v
                            + " {0}\"");
        } else if (!SHELLS.contains(name)) {
            String close = Suggest.closest(name, SHELLS);
            report(
                    shell,
                    "shell \""
                            + v
                            + "\" is unknown; use one of "
                            + String.join(", ", SHELLS)
                            + (close != null ? " (did you mean \"" + close + "\"?)" : "")
                            + " or a command with {0}");
        } else if (os == Os.UNIX && !UNIX.contains(name)) {
            report(
                    shell,
                    "shell \""
                            + v
                            + "\" exists only on Windows, but the job runs on Linux or macOS; use one of "
                            + String.join(", ", UNIX));
        } else if (os == Os.WINDOWS && !WINDOWS.contains(name)) {
            report(
                    shell,
                    "shell \""
                            + v
                            + "\" does not exist on Windows runners; use one of "
                            + String.join(", ", WINDOWS));
        }
    }

    /**
     * The system of a job's runner from its {@code runs-on} labels: GitHub-hosted image labels and
     * the {@code linux}, {@code macos} and {@code windows} labels self-hosted runners carry; null
     * when no label (or a conflicting one) tells.
     */
    private static Os osOf(Workflow.Job job) {
        YNode runsOn = job.body().get("runs-on").orElse(null);
        if (runsOn instanceof YMap m) {
            runsOn = m.get("labels").orElse(null);
        }
        List<YNode> labels = new ArrayList<>();
        if (runsOn instanceof YSeq seq) {
            labels.addAll(seq.items());
        } else if (runsOn != null) {
            labels.add(runsOn);
        }
        Os os = null;
        for (YNode n : labels) {
            if (!(n instanceof YScalar s) || s.hasExpression()) {
                continue;
            }
            String l = s.value().toLowerCase(Locale.ROOT);
            Os here =
                    l.equals("windows") || l.matches("windows-(latest|20\\d\\d|11)(-.*)?")
                            ? Os.WINDOWS
                            : l.equals("linux")
                                            || l.equals("macos")
                                            || l.matches(
                                                    "(ubuntu|macos)-(latest|slim|\\d[\\d.]*)(-.*)?")
                                    ? Os.UNIX
                                    : null;
            if (here != null && os != null && here != os) {
                return null;
            }
            os = here != null ? here : os;
        }
        return os;
    }
}
