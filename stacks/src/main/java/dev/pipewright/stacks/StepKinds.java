package dev.pipewright.stacks;

import dev.pipewright.model.CancelStep;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.WaitAllStep;
import dev.pipewright.model.WaitStep;

/**
 * What a step does, in the words an override's error message needs; a new kind of step must say
 * what it does.
 */
final class StepKinds implements Step.Visitor<String> {
    private static final StepKinds INSTANCE = new StepKinds();

    private StepKinds() {}

    /** "runs an action", "stops a background step": the rest of "step x of job y ...". */
    static String describe(Step step) {
        return step.accept(INSTANCE);
    }

    @Override
    public String visit(RunStep run) {
        return "runs a script";
    }

    @Override
    public String visit(UsesStep uses) {
        return "runs an action";
    }

    @Override
    public String visit(WaitStep wait) {
        return "waits for background steps";
    }

    @Override
    public String visit(WaitAllStep waitAll) {
        return "waits for every earlier background step";
    }

    @Override
    public String visit(CancelStep cancel) {
        return "stops a background step";
    }

    @Override
    public String visit(ParallelStep parallel) {
        return "runs its steps in parallel";
    }
}
