package dev.pipewright.pipeline;

import dev.pipewright.model.ActionRef;
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
import dev.pipewright.model.validation.Problem;
import dev.pipewright.model.validation.Where;
import dev.pipewright.model.validation.WorkflowValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces each {@code owner/repo[/path]@tag} a step uses by {@code owner/repo[/path]@<sha> # tag}
 * from an {@link ActionLock}. Local ({@code ./}) and {@code docker://} actions, and references
 * already pinned to a SHA, are left as they are.
 */
public final class ActionPinning {
    /** The command that adds a missing entry; named in every missing-entry message. */
    public static final String PIN_COMMAND = "./pipewright pin";

    private ActionPinning() {}

    /** The workflow with every action pinned; throws naming every step whose tag the lock lacks. */
    public static Workflow pin(Workflow workflow, ActionLock lock) {
        List<Problem> problems = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        Where where = Where.workflow(workflow.fileName());
        for (Job job : workflow.jobs()) {
            jobs.add(
                    job.accept(
                            new Job.Visitor<Job>() {
                                @Override
                                public Job visit(NormalJob n) {
                                    return pin(n, lock, where.job(n.id()), problems);
                                }

                                // the called workflow pins its own actions where it is generated
                                @Override
                                public Job visit(CallJob c) {
                                    return c;
                                }
                            }));
        }
        if (!problems.isEmpty()) {
            throw new WorkflowValidationException(problems);
        }
        return workflow.withJobs(jobs);
    }

    private static NormalJob pin(
            NormalJob job, ActionLock lock, Where where, List<Problem> problems) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < job.steps().size(); i++) {
            Step s = job.steps().get(i);
            steps.add(s.accept(new Pin(lock, where.step(i + 1, s.id()), problems)));
        }
        return job.withSteps(steps);
    }

    /**
     * The step with its action pinned; only uses steps call an action, a {@code parallel:} block
     * through its steps.
     */
    private static final class Pin implements Step.Visitor<Step> {
        private final ActionLock lock;
        private final Where at;
        private final List<Problem> problems;

        Pin(ActionLock lock, Where at, List<Problem> problems) {
            this.lock = lock;
            this.at = at;
            this.problems = problems;
        }

        @Override
        public Step visit(UsesStep u) {
            return pin(u, lock, at, problems);
        }

        @Override
        public Step visit(ParallelStep p) {
            List<Step> children = new ArrayList<>();
            for (int k = 0; k < p.steps().size(); k++) {
                children.add(
                        p.steps()
                                .get(k)
                                .accept(
                                        new Pin(
                                                lock,
                                                at.key("parallel step " + (k + 1)),
                                                problems)));
            }
            return new ParallelStep(children);
        }

        @Override
        public Step visit(RunStep run) {
            return run;
        }

        @Override
        public Step visit(WaitStep wait) {
            return wait;
        }

        @Override
        public Step visit(WaitAllStep waitAll) {
            return waitAll;
        }

        @Override
        public Step visit(CancelStep cancel) {
            return cancel;
        }
    }

    private static Step pin(UsesStep u, ActionLock lock, Where at, List<Problem> problems) {
        if (!needsPin(u.uses())) {
            return u;
        }
        ActionRef ref = u.uses();
        String key = ActionLock.repository(ref.target()) + "@" + ref.ref();
        Optional<String> sha = lock.sha(ActionLock.repository(ref.target()), ref.ref());
        if (sha.isPresent()) {
            return u.withUses(ActionRef.pinned(ref.target(), sha.get(), ref.ref()));
        }
        problems.add(
                new Problem(
                        at,
                        "uses "
                                + ref.text()
                                + " but the action lock has no commit for "
                                + key
                                + "; run "
                                + PIN_COMMAND
                                + " "
                                + key
                                + " (it records the tag's commit in "
                                + ActionLock.PROJECT_LOCK
                                + ")"));
        return u;
    }

    /** A remote action referenced by tag or branch, not yet by commit. */
    static boolean needsPin(ActionRef ref) {
        return ref.ref() != null
                && !ref.isPinned()
                && !ref.target().startsWith("./")
                && !ref.target().startsWith("docker://");
    }
}
