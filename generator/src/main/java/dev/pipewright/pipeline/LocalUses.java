package dev.pipewright.pipeline;

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
import dev.pipewright.stacks.actions.LocalActions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The local {@code uses: ./path} references of generated workflows, checked against the project: a
 * path that neither exists under the root nor is written by the same run fails on GitHub only when
 * the job runs ("Can't find 'action.yml'"), so generate and check reject it up front.
 */
public final class LocalUses {
    private static final String ACTIONS = ".github/actions/";
    private static final String WORKFLOWS = ".github/workflows/";

    private LocalUses() {}

    /**
     * One local reference. {@code where} names the workflow file (relative to the root), the job
     * and the step; {@code candidates} are the files, relative to the root, any one of which
     * satisfies it: {@code action.yml} or {@code action.yaml} in the action's directory, or the
     * called workflow itself.
     */
    public record LocalUse(String where, String path, List<String> candidates) {
        public LocalUse {
            candidates = List.copyOf(candidates);
        }
    }

    /** A local {@code uses:} that nothing provides: one line per reference. */
    public static final class DanglingException extends IllegalArgumentException {
        private final List<String> problems;

        DanglingException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        /** One line each, naming the workflow, job and step. */
        public List<String> problems() {
            return problems;
        }
    }

    /**
     * The local references of a pipeline's workflows. In a self-contained example folder, {@code
     * ./.github/workflows/} and {@code ./.github/actions/} stand for the pipeline's output and
     * local-actions directories, so either place satisfies them.
     */
    public static List<LocalUse> of(Pipeline pipeline) {
        String outputs = pipeline.outputDirectory().replaceAll("/+$", "");
        String actions = pipeline.localActionsDirectory().replaceAll("/+$", "");
        List<LocalUse> uses = new ArrayList<>();
        for (Workflow w : pipeline.workflows()) {
            String file = outputs + "/" + w.fileName();
            for (Job j : w.jobs()) {
                j.accept(
                        new Job.Visitor<Void>() {
                            @Override
                            public Void visit(CallJob c) {
                                if (c.uses().startsWith("./")) {
                                    String where = file + ": job '" + c.id() + "'";
                                    uses.add(
                                            new LocalUse(
                                                    where,
                                                    c.uses(),
                                                    stoodFor(
                                                            relative(c.uses()), outputs, actions)));
                                }
                                return null;
                            }

                            @Override
                            public Void visit(NormalJob n) {
                                List<Step> steps = n.steps();
                                for (int i = 0; i < steps.size(); i++) {
                                    steps.get(i)
                                            .accept(
                                                    new StepUses(
                                                            file
                                                                    + ": job '"
                                                                    + n.id()
                                                                    + "', step "
                                                                    + label(steps.get(i), i + 1),
                                                            outputs,
                                                            actions,
                                                            uses));
                                }
                                return null;
                            }
                        });
            }
        }
        return uses;
    }

    /**
     * Adds the local action a step calls; only uses steps call one, a {@code parallel:} block
     * through its steps.
     */
    private static final class StepUses implements Step.Visitor<Void> {
        private final String where;
        private final String outputs;
        private final String actions;
        private final List<LocalUse> uses;

        StepUses(String where, String outputs, String actions, List<LocalUse> uses) {
            this.where = where;
            this.outputs = outputs;
            this.actions = actions;
            this.uses = uses;
        }

        @Override
        public Void visit(UsesStep u) {
            if (u.uses().target().startsWith("./")) {
                List<String> files = new ArrayList<>();
                for (String dir : stoodFor(relative(u.uses().target()), outputs, actions)) {
                    String prefix = dir.isEmpty() ? "" : dir + "/";
                    files.add(prefix + "action.yml");
                    files.add(prefix + "action.yaml");
                }
                uses.add(new LocalUse(where, u.uses().target(), files));
            }
            return null;
        }

        @Override
        public Void visit(ParallelStep p) {
            for (int i = 0; i < p.steps().size(); i++) {
                p.steps()
                        .get(i)
                        .accept(
                                new StepUses(
                                        where + " › " + label(p.steps().get(i), i + 1),
                                        outputs,
                                        actions,
                                        uses));
            }
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

    /** {@code 'Name'}, else {@code id 'x'}, else {@code #3}. */
    private static String label(Step s, int number) {
        if (s.name() != null) {
            return "'" + s.name() + "'";
        }
        return s.id() != null ? "id '" + s.id() + "'" : "#" + number;
    }

    private static String relative(String uses) {
        return uses.substring(2).replaceAll("/+$", "");
    }

    /** The path itself, and where a self-contained example folder keeps what it stands for. */
    private static List<String> stoodFor(String path, String outputs, String actions) {
        Set<String> out = new LinkedHashSet<>();
        out.add(path);
        if (path.startsWith(ACTIONS)) {
            out.add(actions + "/" + path.substring(ACTIONS.length()));
        } else if (path.startsWith(WORKFLOWS)) {
            out.add(outputs + "/" + path.substring(WORKFLOWS.length()));
        }
        return List.copyOf(out);
    }

    /**
     * Fails with one line per local reference that no generated file and no file under root
     * provides.
     *
     * @throws DanglingException naming each workflow, job and step
     */
    public static void check(Path root, List<FileSource> sources, List<GeneratedFile> files) {
        Set<String> generated = new TreeSet<>();
        files.forEach(f -> generated.add(f.path()));
        List<String> problems = new ArrayList<>();
        for (FileSource s : sources) {
            for (LocalUse u : s.localUses()) {
                boolean found =
                        u.candidates().stream()
                                .anyMatch(
                                        c ->
                                                generated.contains(c)
                                                        || Files.isRegularFile(
                                                                root.resolve(c).normalize()));
                if (!found) {
                    problems.add(
                            u.where()
                                    + " uses "
                                    + u.path()
                                    + ", which neither exists in the project nor is"
                                    + " written by this generate (no "
                                    + u.candidates().get(0)
                                    + ")"
                                    + hint(u));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DanglingException(problems);
        }
    }

    private static String hint(LocalUse u) {
        if (u.path().startsWith("./" + ACTIONS + "pipewright-")) {
            return "; Pipewright's actions are " + String.join(", ", LocalActions.all().keySet());
        }
        return u.candidates().get(0).endsWith("/action.yml")
                        || u.candidates().get(0).equals("action.yml")
                ? "; add the action there or return it from the pipeline's localActions()"
                : "; add the workflow there or generate it";
    }
}
