package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A release build that restores a cache builds from whatever the cache holds; a cache written by
 * any workflow on the default branch (one a pull request could influence) then ends up in the
 * published artifacts. As zizmor: a job is a release when its workflow runs on a tag push, a push
 * to a branch named like {@code release*} or the {@code release} event, or when the job itself
 * publishes with a well-known action (PyPI, RubyGems, GoReleaser, GitHub releases, container
 * registries, cloud deployments). Unlike zizmor, the last two (a branch named like a release, a
 * publishing step) show from the pedantic persona on: CI on {@code release/**} branches and jobs
 * that push snapshot images are common and are not releases. Cache-aware actions are those zizmor
 * lists, each with the input that turns its cache on or off and whether it caches by default.
 */
@Rule(
        id = "cache-poisoning",
        summary = "release workflows do not restore caches into what they publish",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.LOW)
public final class CachePoisoningAudit extends AuditRule {
    /**
     * How an action's cache is controlled: {@code input} turns it on ({@code optOut} false: caching
     * when the input is set to something other than false, or when absent and {@code byDefault}) or
     * off ({@code optOut} true: caching unless the input is true, yes or 1); a null input means the
     * action always caches.
     */
    record Cacher(String input, boolean optOut, boolean byDefault) {
        static Cacher always() {
            return new Cacher(null, false, true);
        }

        static Cacher optIn(String input, boolean byDefault) {
            return new Cacher(input, false, byDefault);
        }

        static Cacher optOut(String input) {
            return new Cacher(input, true, true);
        }
    }

    /** zizmor's cache-aware actions (owner/repo[/path], lower case). */
    private static final Map<String, Cacher> CACHERS =
            Map.ofEntries(
                    Map.entry("actions/cache", Cacher.optOut("lookup-only")),
                    Map.entry("actions/cache/restore", Cacher.always()),
                    Map.entry("actions/setup-java", Cacher.optIn("cache", false)),
                    Map.entry("actions/setup-go", Cacher.optIn("cache", true)),
                    Map.entry("actions/setup-node", Cacher.optIn("cache", false)),
                    Map.entry("actions/setup-python", Cacher.optIn("cache", false)),
                    Map.entry("actions/setup-dotnet", Cacher.optIn("cache", false)),
                    Map.entry("astral-sh/setup-uv", Cacher.optIn("enable-cache", false)),
                    Map.entry("pnpm/action-setup", Cacher.optIn("cache", false)),
                    Map.entry("swatinem/rust-cache", Cacher.optOut("lookup-only")),
                    Map.entry("ruby/setup-ruby", Cacher.optIn("bundler-cache", false)),
                    Map.entry("pyo3/maturin-action", Cacher.optIn("sccache", false)),
                    Map.entry("mlugg/setup-zig", Cacher.optIn("use-cache", true)),
                    Map.entry("oven-sh/setup-bun", Cacher.optOut("no-cache")),
                    Map.entry(
                            "determinatesystems/magic-nix-cache-action",
                            Cacher.optIn("use-gha-cache", true)),
                    Map.entry("graalvm/setup-graalvm", Cacher.optIn("cache", false)),
                    Map.entry("gradle/actions/setup-gradle", Cacher.optOut("cache-disabled")),
                    Map.entry(
                            "actions-rust-lang/setup-rust-toolchain", Cacher.optIn("cache", true)),
                    Map.entry("mozilla-actions/sccache-action", Cacher.always()),
                    Map.entry("nix-community/cache-nix-action", Cacher.always()),
                    Map.entry("jdx/mise-action", Cacher.optIn("cache", true)),
                    Map.entry("ramsey/composer-install", Cacher.optOut("ignore-cache")),
                    Map.entry("awalsh128/cache-apt-pkgs-action", Cacher.always()),
                    // caches the buildx binary it downloads, which it does only for an explicit
                    // version:
                    Map.entry("docker/setup-buildx-action", Cacher.optIn("cache-binary", true)));

    /**
     * zizmor's well-known publishing actions: a job that runs one builds something others download.
     */
    private static final Set<String> PUBLISHERS =
            Set.of(
                    "pypa/gh-action-pypi-publish",
                    "rubygems/release-gem",
                    "jreleaser/release-action",
                    "goreleaser/goreleaser-action",
                    "softprops/action-gh-release",
                    "release-drafter/release-drafter",
                    "googleapis/release-please-action",
                    "docker/build-push-action",
                    "redhat-actions/push-to-registry",
                    "aws-actions/amazon-ecs-deploy-task-definition",
                    "aws-actions/aws-cloudformation-github-deploy",
                    "azure/aci-deploy",
                    "azure/container-apps-deploy-action",
                    "azure/functions-action",
                    "azure/sql-action",
                    "cloudflare/wrangler-action",
                    "google-github-actions/deploy-appengine",
                    "google-github-actions/deploy-cloudrun",
                    "google-github-actions/deploy-cloud-functions");

    @Override
    public void visitJob(Workflow.Job job) {
        String release = releaseTrigger(currentWorkflow());
        Persona who = Persona.REGULAR;
        if (release != null && release.contains("release branches")) {
            who = Persona.PEDANTIC;
        }
        if (release == null) {
            release =
                    job.steps().stream()
                            .map(s -> publisher(s.body()))
                            .filter(p -> p != null)
                            .findFirst()
                            .map(p -> "a job that publishes with " + p)
                            .orElse(null);
            who = Persona.PEDANTIC;
        }
        if (release == null) {
            return;
        }
        for (Workflow.Step step : job.steps()) {
            check(step, release, who);
        }
    }

    /** The release trigger of a workflow, for messages, or null. */
    private static String releaseTrigger(Workflow wf) {
        if (Triggers.of(wf).containsKey("release")) {
            return "a workflow run on releases";
        }
        Optional<YMap> push = wf.on().flatMap(on -> on.map("push"));
        if (push.map(p -> p.get("tags").isPresent()).orElse(false)) {
            return "a workflow run on tag pushes";
        }
        boolean releaseBranch =
                push.flatMap(p -> p.get("branches"))
                        .map(
                                b -> {
                                    List<YScalar> names = new ArrayList<>();
                                    strings(b, names);
                                    return names.stream()
                                            .anyMatch(
                                                    n ->
                                                            n.value()
                                                                    .toLowerCase(Locale.ROOT)
                                                                    .contains("release"));
                                })
                        .orElse(false);
        return releaseBranch ? "a workflow run on pushes to release branches" : null;
    }

    private static String publisher(YMap step) {
        return step.string("uses")
                .flatMap(Uses::parse)
                .map(Uses::target)
                .filter(PUBLISHERS::contains)
                .orElse(null);
    }

    private void check(Workflow.Step step, String release, Persona persona) {
        Persona who = persona;
        String cond = step.body().string("if").orElse("").replace(" ", "").replace('"', '\'');
        if (cond.contains("!startsWith(github.ref,'refs/tags/")) {
            return; // the step does not run on tags
        }
        Optional<YScalar> usesNode = step.uses();
        Optional<Uses> uses = usesNode.flatMap(u -> Uses.parse(u.value()));
        if (uses.isEmpty()) {
            return;
        }
        String target = uses.get().target();
        Cacher c = CACHERS.get(target);
        if (c == null) {
            return;
        }
        YMap with = step.body().map("with").orElse(new YMap(List.of(), step.body().pos()));
        if (target.equals("docker/setup-buildx-action") && with.get("version").isEmpty()) {
            return;
        }
        Optional<YScalar> input = c.input() == null ? Optional.empty() : with.scalar(c.input());
        String because;
        YNode at = usesNode.get();
        if (c.input() == null) {
            because = "\"" + target + "\" always restores a cache";
        } else if (c.optOut()) {
            if (input.map(
                            v ->
                                    Set.of("true", "yes", "1")
                                            .contains(v.value().strip().toLowerCase(Locale.ROOT)))
                    .orElse(false)) {
                return;
            }
            if (input.isPresent()) {
                at = input.get();
                because =
                        "\""
                                + target
                                + "\" restores a cache with \""
                                + c.input()
                                + ": "
                                + input.get().value().strip()
                                + "\"";
            } else {
                because = "\"" + target + "\" restores a cache unless \"" + c.input() + ": true\"";
            }
        } else if (input.isPresent()) {
            String v = input.get().value().strip();
            if (v.isEmpty() || v.equalsIgnoreCase("false")) {
                return;
            }
            at = input.get();
            because = "\"" + target + "\" restores a cache with \"" + c.input() + ": " + v + "\"";
        } else if (c.byDefault()) {
            because = "\"" + target + "\" restores a cache by default";
        } else if (target.equals("actions/setup-node")
                && with.scalar("package-manager-cache")
                        .map(v -> v.value().strip().equalsIgnoreCase("true"))
                        .orElse(false)) {
            // asked for explicitly: the cache is restored whatever package.json says
            at = with.scalar("package-manager-cache").orElseThrow();
            because = "\"" + target + "\" restores a cache with \"package-manager-cache: true\"";
        } else if (target.equals("actions/setup-node") && nodeCachesByDefault(step, uses.get())) {
            // setup-node v5 turned on the package manager's cache when package.json names one.
            if (with.scalar("package-manager-cache")
                    .map(v -> v.value().strip().equalsIgnoreCase("false"))
                    .orElse(false)) {
                return;
            }
            because =
                    "\""
                            + target
                            + "\" v5 and later restores the package manager's cache by default";
            // ...but only when package.json names a packageManager, which the workflow does not
            // show: a smell.
            who = Persona.PEDANTIC.ordinal() > who.ordinal() ? Persona.PEDANTIC : who;
        } else {
            return;
        }
        String fix =
                c.input() == null
                        ? "drop the step"
                        : c.optOut()
                                ? "set \"" + c.input() + ": true\""
                                : c.byDefault()
                                                || target.equals("actions/setup-node")
                                                        && input.isEmpty()
                                        ? "set \""
                                                + (target.equals("actions/setup-node")
                                                        ? "package-manager-cache"
                                                        : c.input())
                                                + ": false\""
                                        : "remove \"" + c.input() + ":\"";
        report(
                who,
                at,
                because
                        + " in "
                        + release
                        + "; a poisoned cache would end up in what it publishes; "
                        + fix
                        + " in release jobs");
    }

    /**
     * True for setup-node v5 or later, the release the step runs ({@link UsesRelease}: its tag, or
     * for a SHA pin the lock's tag or its {@code # vX.Y.Z} comment).
     */
    private boolean nodeCachesByDefault(Workflow.Step step, Uses u) {
        return UsesRelease.of(ctx(), step.uses().orElseThrow(), u)
                .map(r -> r.version().major() >= 5)
                .orElse(false);
    }
}
