package dev.pipewright.stacks.actions;

import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.Workflow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metadata of every Pipewright action, and the local actions a set of workflows calls, so
 * generating a pipeline writes exactly the {@code .github/actions/pipewright-*} directories its
 * steps use (the renderer adds them; a pipeline need not list them).
 */
public final class LocalActions {
    // generated with the bindings, so a new action is listed as soon as it has a binding; sorted by directory
    private static final Map<String, String> METADATA = new TreeMap<>(LocalActionList.METADATA);

    private LocalActions() {}

    /** Directory name → action.yml body, for every Pipewright action. */
    public static Map<String, String> all() {
        return METADATA;
    }

    /**
     * The local Pipewright actions these workflows use: directory name → action.yml body. A
     * {@code ./.github/actions/pipewright-*} path that names none of ours is left out.
     */
    public static Map<String, String> usedBy(List<Workflow> workflows) {
        Map<String, String> used = new TreeMap<>();
        for (Workflow w : workflows) {
            for (Job j : w.jobs()) {
                if (j instanceof NormalJob n) {
                    n.steps().forEach(s -> collect(s, used));
                }
            }
        }
        return used;
    }

    // A pipewright-* directory that is not one of ours may be the project's own action; whether it exists is
    // decided where the project root is known (the generator's check of local uses), not here.
    private static void collect(Step s, Map<String, String> used) {
        if (s instanceof ParallelStep p) {
            p.steps().forEach(c -> collect(c, used));
            return;
        }
        if (s instanceof UsesStep u && u.uses().target().startsWith(PipewrightAction.LOCAL_ROOT + PipewrightAction.PREFIX)) {
            String dir = u.uses().target().substring(PipewrightAction.LOCAL_ROOT.length()).replaceAll("/+$", "");
            String body = METADATA.get(dir);
            if (body != null) {
                used.put(dir, body);
            }
        }
    }
}
