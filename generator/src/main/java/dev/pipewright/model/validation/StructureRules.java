package dev.pipewright.model.validation;

import dev.pipewright.model.CallJob;
import dev.pipewright.model.Container;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Workflow;
import java.util.Map;
import java.util.regex.Pattern;

/** Whole-workflow shape: triggers and jobs present, job kinds well formed. */
final class StructureRules implements WorkflowRule {
    private static final Pattern REUSABLE =
            Pattern.compile(
                    "(\\./\\.github/workflows/[^/@]+\\.ya?ml)|([^/@\\s]+/[^/@\\s]+/\\.github/workflows/[^/@]+\\.ya?ml@[^@\\s]+)");

    @Override
    public void check(Workflow w, Where where, Problems problems) {
        if (w.on().isEmpty()) {
            problems.add(where.key("on"), "the workflow has no trigger; add one with on(...)");
        }
        if (w.jobs().isEmpty()) {
            problems.add(where.key("jobs"), "the workflow has no job; add one with job(...)");
        }
        for (Job job : w.jobs()) {
            Where at = where.job(job.id());
            job.accept(
                    new Job.Visitor<Void>() {
                        @Override
                        public Void visit(NormalJob n) {
                            checkNormal(n, at, problems);
                            return null;
                        }

                        @Override
                        public Void visit(CallJob c) {
                            checkCall(c, at, problems);
                            return null;
                        }
                    });
        }
    }

    private static void checkCall(CallJob job, Where at, Problems problems) {
        if (!REUSABLE.matcher(job.uses()).matches()) {
            problems.add(
                    at.key("uses"),
                    "'"
                            + job.uses()
                            + "' is not a reusable workflow; use "
                            + "./.github/workflows/<file>.yml or <owner>/<repo>/.github/workflows/<file>.yml@<ref>");
        }
    }

    private static void checkNormal(NormalJob job, Where at, Problems problems) {
        if (job.steps().isEmpty()) {
            problems.add(at.key("steps"), "the job has no step; add at least one");
        }
        if (job.timeoutMinutes() instanceof Integer t && t <= 0) {
            problems.add(
                    at.key("timeout-minutes"),
                    "timeout-minutes is " + t + "; it must be a positive number of minutes");
        }
        if (job.container() != null
                && (job.container().entrypoint() != null || job.container().command() != null)) {
            problems.add(
                    at.key("container"),
                    "entrypoint and command are only allowed on services; remove them");
        }
        for (Map.Entry<String, Container> s : job.services().entrySet()) {
            if (!s.getKey().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                problems.add(
                        at.key("services"),
                        "service id '"
                                + s.getKey()
                                + "' must start with a letter or _ and contain only letters, digits, - and _");
            }
        }
    }
}
