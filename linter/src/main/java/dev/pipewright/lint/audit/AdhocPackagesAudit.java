package dev.pipewright.lint.audit;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.Set;

/**
 * {@code npm install lodash}, {@code gem install rake}, {@code yarn add}, {@code pnpm add}, {@code
 * bundle add}: a package installed by name in a script gets whatever release and dependencies
 * resolve at that moment, outside any lockfile, so a compromised release is picked up the minute it
 * is published. {@code npm ci}, {@code npm install} without names and {@code bundle install} follow
 * the lockfile and pass.
 */
@Rule(
        id = "adhoc-packages",
        summary = "scripts install packages from a lockfile, not by name",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.LOW, confidence = Audit.Confidence.HIGH)
public final class AdhocPackagesAudit extends AuditRule {
    private static final Set<String> NPM_INSTALL =
            Set.of(
                    "install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta",
                    "isntal", "isntall", "add");

    @Override
    public void visitStep(Workflow.Step step) {
        Workflow wf = currentWorkflow();
        check(
                step.body(),
                ShellCommands.readable(
                        ShellCommands.shell(
                                wf, wf.job(step.jobId().value()).orElse(null), step.body())));
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        compositeSteps(action)
                .forEach(s -> check(s, ShellCommands.readable(ShellCommands.shell(null, null, s))));
    }

    private void check(YMap step, boolean readable) {
        YScalar run = step.scalar("run").filter(YScalar::isString).orElse(null);
        if (run == null || !readable) {
            return;
        }
        for (ShellCommands.Command c : ShellCommands.parse(run.value())) {
            if (adhoc(ShellCommands.base(c.name()), c.args())) {
                report(
                        Locator.at(ctx(), run, c.offset()),
                        "\""
                                + String.join(" ", c.words())
                                + "\" installs packages by name,"
                                + " outside a lockfile, so whatever is published last is installed; add them to the manifest, commit"
                                + " the lockfile and install from it (npm ci, bundle install, ...)");
            }
        }
    }

    /**
     * zizmor's test: the install subcommand followed by at least one package (a word not starting
     * with "-").
     */
    static boolean adhoc(String cmd, List<String> args) {
        return switch (cmd) {
            case "gem" -> after(args, Set.of("install", "i"));
            case "bundle", "yarn", "pnpm" -> after(args, Set.of("add"));
            case "npm" -> {
                int i = 0;
                while (i < args.size() && args.get(i).startsWith("-")) {
                    i++;
                }
                yield i < args.size()
                        && NPM_INSTALL.contains(args.get(i))
                        && args.subList(i + 1, args.size()).stream()
                                .anyMatch(a -> !a.startsWith("-"));
            }
            default -> false;
        };
    }

    private static boolean after(List<String> args, Set<String> sub) {
        for (int i = 0; i < args.size(); i++) {
            if (sub.contains(args.get(i))) {
                return args.subList(i + 1, args.size()).stream().anyMatch(a -> !a.startsWith("-"));
            }
        }
        return false;
    }
}
