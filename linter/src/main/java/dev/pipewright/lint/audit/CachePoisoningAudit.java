package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import java.util.Map;

/**
 * A release build (tag push or {@code release} event) that restores a cache builds from whatever the cache holds; a
 * cache written by any workflow on the default branch (one a pull request could influence) then ends up in the
 * published artifacts. Release jobs should build without caches.
 */
@Rule(id = "cache-poisoning", summary = "release workflows do not restore caches into what they publish",
        severity = Severity.WARNING, category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.LOW)
public final class CachePoisoningAudit extends AuditRule {
    /** Setup actions whose {@code cache} input turns on a dependency cache; value: caching when the input is absent. */
    private static final Map<String, Boolean> SETUP = Map.of("actions/setup-java", false, "actions/setup-node", false,
            "actions/setup-python", false, "actions/setup-go", true, "actions/setup-dotnet", false, "astral-sh/setup-uv", false,
            "pnpm/action-setup", false);

    @Override
    public void visitStep(Workflow.Step step) {
        if (!Triggers.isRelease(currentWorkflow())) {
            return;
        }
        String cond = step.body().string("if").orElse("").replace(" ", "").replace('"', '\'');
        if (cond.contains("!startsWith(github.ref,'refs/tags/")) {
            return; // the step does not run on tags
        }
        step.uses().ifPresent(usesNode -> Uses.parse(usesNode.value()).ifPresent(u -> {
            YMap with = step.body().map("with").orElse(new YMap(java.util.List.of(), step.body().pos()));
            String target = u.target();
            if (target.equals("actions/cache") || target.equals("actions/cache/restore") || target.equals("swatinem/rust-cache")) {
                report(usesNode, "\"" + target + "\" restores a cache in a release workflow; a poisoned cache would"
                        + " end up in the release; build releases without caches");
            } else if (SETUP.containsKey(target)) {
                String key = target.equals("astral-sh/setup-uv") ? "enable-cache" : "cache";
                boolean on = with.string(key).map(v -> !v.isBlank() && !v.equals("false")).orElse(SETUP.get(target));
                if (on) {
                    report(with.scalar(key).map(s -> (dev.pipewright.lint.yaml.YNode) s).orElse(usesNode), "\"" + target
                            + "\" restores a dependency cache in a release workflow; a poisoned cache would end up in the"
                            + " release; " + (SETUP.get(target) ? "set \"" + key + ": false\"" : "remove \"" + key + ":\"")
                            + " in release workflows");
                }
            }
        }));
    }
}
