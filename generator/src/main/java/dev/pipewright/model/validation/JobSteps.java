package dev.pipewright.model.validation;

import dev.pipewright.model.CancelStep;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.WaitAllStep;
import dev.pipewright.model.WaitStep;
import java.util.ArrayList;
import java.util.List;

/** Steps of a job with the children of {@code parallel:} blocks in their place. */
final class JobSteps {
    private JobSteps() {}

    static List<Step> flatten(List<Step> steps) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            out.addAll(s.accept(IN_PLACE));
        }
        return out;
    }

    /**
     * The steps that stand where this one is written: a block's children, any other step itself.
     */
    private static final Step.Visitor<List<Step>> IN_PLACE =
            new Step.Visitor<>() {
                @Override
                public List<Step> visit(RunStep run) {
                    return List.of(run);
                }

                @Override
                public List<Step> visit(UsesStep uses) {
                    return List.of(uses);
                }

                @Override
                public List<Step> visit(WaitStep wait) {
                    return List.of(wait);
                }

                @Override
                public List<Step> visit(WaitAllStep waitAll) {
                    return List.of(waitAll);
                }

                @Override
                public List<Step> visit(CancelStep cancel) {
                    return List.of(cancel);
                }

                @Override
                public List<Step> visit(ParallelStep parallel) {
                    return parallel.steps();
                }
            };
}
