package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PyPI, RubyGems, crates.io, npm, NuGet and pub.dev accept short-lived OIDC tokens from a workflow
 * ("Trusted Publishing"), so no long-lived API token needs to be stored as a secret. Reported: the
 * publishing actions given a token ({@code pypa/gh-action-pypi-publish} with {@code password},
 * {@code rubygems/release-gem} with {@code setup-trusted-publisher: false}, {@code
 * rubygems/configure-rubygems-credentials} with {@code api-token}, {@code actions/setup-node} for
 * npmjs with {@code always-auth}), and publish commands in {@code run:} scripts ({@code twine
 * upload}, {@code cargo publish}, {@code npm publish}, {@code gem push}, {@code dotnet nuget push},
 * ...) of jobs without {@code id-token: write}, since most of those tools use Trusted Publishing by
 * themselves when they can.
 */
@Rule(
        id = "use-trusted-publishing",
        summary = "packages are published with Trusted Publishing, not stored tokens",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.INFORMATIONAL, confidence = Audit.Confidence.HIGH)
public final class UseTrustedPublishingAudit extends AuditRule {
    private static final Set<String> PYPI =
            Set.of("https://upload.pypi.org/legacy/", "https://test.pypi.org/legacy/");
    private static final Set<String> NPMJS =
            Set.of("https://registry.npmjs.org", "https://registry.npmjs.org/");

    @Override
    public void visitStep(Workflow.Step step) {
        action(step.body());
        Workflow wf = currentWorkflow();
        Workflow.Job job = wf.job(step.jobId().value()).orElse(null);
        YScalar run = step.run().filter(YScalar::isString).orElse(null);
        if (run == null
                || job == null
                || idToken(job.body().get("permissions").orElse(null))
                || job.body().get("permissions").isEmpty()
                        && idToken(wf.root().get("permissions").orElse(null))
                || !ShellCommands.readable(ShellCommands.shell(wf, job, step.body()))) {
            return;
        }
        for (ShellCommands.Command c : ShellCommands.parse(run.value())) {
            if (publishes(ShellCommands.base(c.name()), c.args())) {
                report(
                        Locator.at(ctx(), run, c.offset()),
                        "\""
                                + String.join(" ", c.words())
                                + "\" publishes with a stored"
                                + " credential; the index accepts Trusted Publishing: grant \"id-token: write\" to the job and"
                                + " register the workflow as a trusted publisher");
            }
        }
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        compositeSteps(action).forEach(this::action);
    }

    private void action(YMap step) {
        Uses u = step.string("uses").flatMap(Uses::parse).orElse(null);
        if (u == null || !u.path().isEmpty()) {
            return;
        }
        YMap with = step.map("with").orElse(new YMap(List.of(), step.pos()));
        YScalar at =
                switch (u.repository().toLowerCase(Locale.ROOT)) {
                    case "pypa/gh-action-pypi-publish" ->
                            with.scalar("password")
                                    .filter(
                                            p ->
                                                    index(with, "repository-url", PYPI)
                                                            && index(with, "repository_url", PYPI))
                                    .orElse(null);
                    case "rubygems/release-gem" ->
                            with.scalar("setup-trusted-publisher")
                                    .filter(s -> s.value().equals("false"))
                                    .orElse(null);
                    case "rubygems/configure-rubygems-credentials" ->
                            with.scalar("api-token")
                                    .filter(
                                            p ->
                                                    index(
                                                            with,
                                                            "gem-server",
                                                            Set.of("https://rubygems.org")))
                                    .orElse(null);
                    case "actions/setup-node" ->
                            with.scalar("always-auth")
                                    .filter(a -> a.value().equals("true"))
                                    .filter(a -> index(with, "registry-url", NPMJS))
                                    .orElse(null);
                    default -> null;
                };
        if (at != null) {
            report(
                    at,
                    u.repository()
                            + " is given a stored credential, but the index accepts Trusted Publishing; grant"
                            + " \"id-token: write\", register the workflow as a trusted publisher and drop the credential");
        }
    }

    /** True when the input is absent (the action's default index) or names one of the indexes. */
    private static boolean index(YMap with, String input, Set<String> indexes) {
        return with.scalar(input).map(v -> indexes.contains(v.value().strip())).orElse(true);
    }

    /** True when the permissions grant {@code id-token: write} (or write-all). */
    static boolean idToken(YNode permissions) {
        if (permissions instanceof YScalar s) {
            return s.value().equals("write-all");
        }
        return permissions instanceof YMap m
                && m.string("id-token").filter("write"::equals).isPresent();
    }

    /**
     * zizmor's list of publishing commands (dry runs excluded), less uploads to another registry
     * than the public one (a local test registry, GitHub Packages, a company index): those cannot
     * use the public index's Trusted Publishing, and flagging them was the false positive the
     * corpus showed.
     */
    /** uv's subcommands: the first of them in a command line is the one it runs. */
    private static final Set<String> UV_COMMANDS =
            Set.of(
                    "add", "auth", "build", "cache", "export", "format", "help", "init", "lock",
                    "pip", "publish", "python", "remove", "run", "self", "sync", "tool", "tree",
                    "venv", "version");

    static boolean publishes(String cmd, List<String> args) {
        if (otherRegistry(cmd, args)) {
            return false;
        }
        boolean dry = args.contains("--dry-run");
        return switch (cmd) {
            case "cargo" -> args.contains("publish") && !dry && !args.contains("-n");
            case "uv" ->
                    // the subcommand, not a path argument: "uv build publish" builds ./publish
                    args.stream()
                            .filter(UV_COMMANDS::contains)
                            .findFirst()
                            .filter(w -> w.equals("publish") || w.equals("run"))
                            .map(
                                    w ->
                                            w.equals("publish")
                                                    ? !dry
                                                    : args.contains("twine")
                                                            && args.contains("upload"))
                            .orElse(false);
            case "uvx" ->
                    args.stream().anyMatch(a -> a.startsWith("twine")) && args.contains("upload");
            case "hatch", "pdm" -> args.contains("publish");
            case "poetry", "npm", "pnpm", "bun" -> args.contains("publish") && !dry;
            case "twine" -> args.contains("upload");
            case "pipx" ->
                    args.contains("run")
                            && args.stream().anyMatch(a -> a.startsWith("twine"))
                            && args.contains("upload");
            case "gem" -> args.contains("push");
            case "bundle" -> args.contains("exec") && args.contains("gem") && args.contains("push");
            case "yarn" ->
                    firstOf(args, "publish", "npm")
                            .map(
                                    w ->
                                            w.equals("publish")
                                                    || args.contains("publish")
                                                            && !dry
                                                            && !args.contains("-n"))
                            .orElse(false);
            case "bunx" ->
                    args.stream().anyMatch(a -> a.equals("npm") || a.startsWith("npm@"))
                            && args.contains("publish")
                            && !dry;
            case "nuget" -> args.contains("push");
            case "dotnet" -> args.contains("nuget") && args.contains("push");
            default ->
                    cmd.startsWith("python")
                            && args.contains("-m")
                            && args.contains("twine")
                            && args.contains("upload");
        };
    }

    private static boolean otherRegistry(String cmd, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value =
                    a.contains("=")
                            ? a.substring(a.indexOf('=') + 1)
                            : i + 1 < args.size() ? args.get(i + 1) : "";
            switch (cmd) {
                case "npm", "pnpm", "yarn", "bun", "bunx" -> {
                    if (option.equals("--registry")
                            && !value.replaceFirst("/+$", "")
                                    .equals("https://registry.npmjs.org")) {
                        return true;
                    }
                }
                case "cargo" -> {
                    if (option.equals("--registry") || option.equals("--index")) {
                        return true;
                    }
                }
                default -> {
                    if ((option.equals("--repository-url") || option.equals("--publish-url"))
                            && !PYPI.contains(value.endsWith("/") ? value : value + "/")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Optional<String> firstOf(List<String> args, String a, String b) {
        return args.stream().filter(w -> w.equals(a) || w.equals(b)).findFirst();
    }
}
