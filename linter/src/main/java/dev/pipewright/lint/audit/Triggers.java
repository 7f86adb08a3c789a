package dev.pipewright.lint.audit;

import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The events of a workflow's {@code on:}, with the node naming each. */
public final class Triggers {
    private Triggers() {}

    /**
     * Events that run with the base repository's secrets and a write token on input from outsiders.
     */
    public static final Set<String> PRIVILEGED = Set.of("pull_request_target", "workflow_run");

    /** Events anyone with an account can cause on a public repository. */
    public static final Set<String> PUBLIC =
            Set.of(
                    "pull_request",
                    "pull_request_target",
                    "issue_comment",
                    "issues",
                    "discussion",
                    "discussion_comment",
                    "fork",
                    "watch",
                    "pull_request_review",
                    "pull_request_review_comment",
                    "workflow_run");

    /** Event name to its key (or scalar) node, in source order. */
    public static Map<String, YScalar> of(Workflow wf) {
        Map<String, YScalar> out = new LinkedHashMap<>();
        YNode on = wf.root().get("on").orElse(null);
        if (on instanceof YScalar s && s.isString()) {
            out.put(s.value(), s);
        } else if (on instanceof YSeq seq) {
            seq.items().stream()
                    .filter(YScalar.class::isInstance)
                    .map(YScalar.class::cast)
                    .forEach(s -> out.put(s.value(), s));
        } else if (on instanceof YMap m) {
            m.entries().forEach(e -> out.put(e.key().value(), e.key()));
        }
        return out;
    }

    /** True when the workflow runs on a release: a tag push or a {@code release} event. */
    public static boolean isRelease(Workflow wf) {
        Map<String, YScalar> t = of(wf);
        if (t.containsKey("release")) {
            return true;
        }
        return wf.on()
                .flatMap(on -> on.map("push"))
                .map(p -> p.get("tags").isPresent())
                .orElse(false);
    }

    /**
     * True when the only trigger is {@code workflow_call}: callers decide permissions and secrets.
     */
    public static boolean onlyCalled(Workflow wf) {
        Map<String, YScalar> t = of(wf);
        return t.size() == 1 && t.containsKey("workflow_call");
    }
}
