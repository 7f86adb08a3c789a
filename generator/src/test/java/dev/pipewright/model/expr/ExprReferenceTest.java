package dev.pipewright.model.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ExprReferenceTest {
    record Job(String id, Set<String> outputNames) implements JobReference {}

    record Step(String id, String name) implements StepReference {
        @Override
        public String describe() {
            return "step '" + name + "'";
        }
    }

    private final Job build = new Job("build", Set.of("version", "image-tag"));

    @Test
    void jobs() {
        assertThat(Expr.needs(build).render()).isEqualTo("needs.build");
        assertThat(Expr.jobOutput(build, "version").render())
                .isEqualTo("needs.build.outputs.version");
        assertThat(Expr.jobOutput(build, "image-tag").render())
                .isEqualTo("needs.build.outputs.image-tag");
        assertThat(Expr.jobResult(build).eq("success").render())
                .isEqualTo("needs.build.result == 'success'");
    }

    @Test
    void undeclaredJobOutput() {
        assertThatThrownBy(() -> Expr.jobOutput(build, "digest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job 'build' has no output 'digest'; declare it in the job's outputs");
    }

    @Test
    void steps() {
        Step step = new Step("meta", "Docker meta");
        assertThat(Expr.stepOutput(step, "tags").render()).isEqualTo("steps.meta.outputs.tags");
        assertThat(Expr.stepOutcome(step).render()).isEqualTo("steps.meta.outcome");
        assertThat(Expr.stepConclusion(step).render()).isEqualTo("steps.meta.conclusion");
    }

    @Test
    void stepWithoutId() {
        Step step = new Step(null, "Build");
        assertThatThrownBy(() -> Expr.stepOutput(step, "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("step 'Build' has no id; give it an id before using its outputs");
        assertThatThrownBy(() -> Expr.stepOutcome(step))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("step 'Build' has no id; give it an id before using its outcome");
        assertThatThrownBy(() -> Expr.stepConclusion(step))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before using its conclusion");
    }
}
