package dev.pipewright.stacks.actions;

import dev.pipewright.model.CallJob;
import dev.pipewright.model.CancelStep;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.WaitAllStep;
import dev.pipewright.model.WaitStep;
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
    // generated with the bindings, so a new action is listed as soon as it has a binding; sorted by
    // directory
    private static final Map<String, String> METADATA = new TreeMap<>(LocalActionList.METADATA);

    private LocalActions() {}

    /** Directory name → action.yml body, for every Pipewright action. */
    public static Map<String, String> all() {
        return METADATA;
    }

    /**
     * The local Pipewright actions these workflows use: directory name → action.yml body. A {@code
     * ./.github/actions/pipewright-*} path that names none of ours is left out.
     */
    public static Map<String, String> usedBy(List<Workflow> workflows) {
        Map<String, String> used = new TreeMap<>();
        for (Workflow w : workflows) {
            for (Job j : w.jobs()) {
                j.accept(
                        new Job.Visitor<Void>() {
                            @Override
                            public Void visit(NormalJob n) {
                                n.steps().forEach(s -> s.accept(new Collect(used)));
                                return null;
                            }

                            // a called workflow's steps are collected where that workflow is
                            // generated
                            @Override
                            public Void visit(CallJob c) {
                                return null;
                            }
                        });
            }
        }
        return used;
    }

    /**
     * Adds the Pipewright action a step calls; only uses steps call one, a {@code parallel:} block
     * through its steps. A pipewright-* directory that is not one of ours may be the project's own
     * action; whether it exists is decided where the project root is known (the generator's check
     * of local uses), not here.
     */
    private static final class Collect implements Step.Visitor<Void> {
        private final Map<String, String> used;

        Collect(Map<String, String> used) {
            this.used = used;
        }

        @Override
        public Void visit(UsesStep u) {
            if (u.uses()
                    .target()
                    .startsWith(PipewrightAction.LOCAL_ROOT + PipewrightAction.PREFIX)) {
                String dir =
                        u.uses()
                                .target()
                                .substring(PipewrightAction.LOCAL_ROOT.length())
                                .replaceAll("/+$", "");
                String body = METADATA.get(dir);
                if (body != null) {
                    used.put(dir, body);
                }
            }
            return null;
        }

        @Override
        public Void visit(ParallelStep p) {
            p.steps().forEach(c -> c.accept(this));
            return null;
        }

        @Override
        public Void visit(RunStep run) {
            return null;
        }

        @Override
        public Void visit(WaitStep wait) {
            return null;
        }

        @Override
        public Void visit(WaitAllStep waitAll) {
            return null;
        }

        @Override
        public Void visit(CancelStep cancel) {
            return null;
        }
    }
}
