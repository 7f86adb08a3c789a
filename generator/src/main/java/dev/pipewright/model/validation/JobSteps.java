package dev.pipewright.model.validation;

import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.Step;
import java.util.ArrayList;
import java.util.List;

/** Steps of a job with the children of {@code parallel:} blocks in their place. */
final class JobSteps {
    private JobSteps() {}

    static List<Step> flatten(List<Step> steps) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof ParallelStep p) {
                out.addAll(p.steps());
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
