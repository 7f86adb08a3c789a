package dev.pipewright.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.Trigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An {@code if:} starting with '!' would be a YAML tag; it is written inside ${{ }}. */
class ConditionEmissionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "!cancelled()                 | ${{ !cancelled() }}",
                "'  !contains(github.ref, ''x'')' | ${{ !contains(github.ref, 'x') }}",
                "!(a && b)                    | ${{ !(a && b) }}",
                "success()                    | success()",
                "${{ !cancelled() }}          | ${{ !cancelled() }}",
                "github.ref != 'x'            | github.ref != 'x'"
            })
    void positiveConditionText(String given, String written) {
        assertThat(WorkflowTree.condition(given)).isEqualTo(written);
    }

    @Test
    void negativeConditionTextNullStaysAbsent() {
        assertThat(WorkflowTree.condition(null)).isNull();
    }

    @Test
    void positiveNegatedConditionsReadBackAsStrings() {
        Workflow w =
                Workflow.builder("ci.yml")
                        .on(Trigger.push())
                        .job(
                                NormalJob.builder("build")
                                        .runsOn("ubuntu-latest")
                                        .ifCondition(Expr.not(Expr.cancelled()))
                                        .step(Step.run("make").ifCondition("!failure()").build())
                                        .build())
                        .build();
        String doc = YamlWriter.write(WorkflowTree.of(w), null);
        assertThat(doc)
                .contains("    if: ${{ !cancelled() }}\n")
                .contains("      - if: ${{ !failure() }}\n");
        for (Readers r : Readers.values()) {
            Map<?, ?> job =
                    (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) r.load(doc)).get("jobs")).get("build");
            assertThat(job.get("if")).as(r.name()).isEqualTo("${{ !cancelled() }}");
            Map<?, ?> step = (Map<?, ?>) ((List<?>) job.get("steps")).get(0);
            assertThat(step.get("if")).as(r.name()).isEqualTo("${{ !failure() }}");
        }
    }
}
