package dev.pipewright.model.validation;

import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Step ids (syntax, unique per job ignoring case) and positive step timeouts. */
final class StepRules implements WorkflowRule {
    @Override
    public void check(Workflow w, Where where, Problems problems) {
        for (Job job : w.jobs()) {
            if (!(job instanceof NormalJob n)) {
                continue;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < n.steps().size(); i++) {
                Step step = n.steps().get(i);
                Where at = where.job(job.id()).step(i + 1, step.id());
                if (step.id() != null) {
                    if (!Ids.valid(step.id())) {
                        problems.add(at, "step id '" + step.id()
                                + "' must start with a letter or _ and contain only letters, digits, - and _");
                    }
                    Integer previous = seen.putIfAbsent(step.id().toLowerCase(Locale.ROOT), i + 1);
                    if (previous != null) {
                        problems.add(at, "step id '" + step.id() + "' is already used by step " + previous
                                + " of this job; step ids must be unique per job");
                    }
                }
                if (step.timeoutMinutes() instanceof Integer t && t <= 0) {
                    problems.add(at.key("timeout-minutes"), "timeout-minutes is " + t
                            + "; it must be a positive number of minutes");
                }
            }
        }
    }
}
