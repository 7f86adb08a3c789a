package dev.pipewright.model.validation;

import dev.pipewright.model.Job;
import dev.pipewright.model.Workflow;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Job ids: GitHub's syntax, unique ignoring case (GitHub compares them case-insensitively). */
final class JobIdRules implements WorkflowRule {
    @Override
    public void check(Workflow w, Where where, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        for (Job job : w.jobs()) {
            if (!Ids.valid(job.id())) {
                problems.add(
                        where.job(job.id()),
                        "job id '"
                                + job.id()
                                + "' must start with a letter or _ and contain only letters, digits, - and _");
            }
            String previous = seen.putIfAbsent(job.id().toLowerCase(Locale.ROOT), job.id());
            if (previous != null) {
                problems.add(
                        where.job(job.id()),
                        "job id '"
                                + job.id()
                                + "' duplicates job '"
                                + previous
                                + "' (ids are compared ignoring case); rename one of them");
            }
        }
    }
}
