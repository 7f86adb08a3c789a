package dev.pipewright.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.CustomTrigger;
import dev.pipewright.model.trigger.Trigger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events that take no configuration are written {@code create:} (null), never {@code create: {}}.
 */
class YamlNullTest {

    @Test
    void positiveNullReadsBackAsNullUnderEveryReader() {
        YamlMap root =
                new YamlMap()
                        .put("a", YamlNull.INSTANCE)
                        .put("b", YamlSeq.of(YamlNull.INSTANCE, YamlScalar.of("x")));
        String doc = YamlWriter.write(root, null);
        assertThat(doc).isEqualTo("a:\nb:\n  -\n  - x\n");
        for (Readers r : Readers.values()) {
            assertThat(Readers.diff(r.expected(root), r.load(doc), "")).as(r.name()).isNull();
        }
    }

    @Test
    void positiveEventsWithoutConfigurationAreNull() {
        Workflow w =
                Workflow.builder("ci.yml")
                        .on(
                                Trigger.event("create"),
                                Trigger.event("fork"),
                                new CustomTrigger("status", Map.of()),
                                Trigger.workflowDispatch(),
                                new CustomTrigger("brand_new", Map.of()))
                        .job(
                                NormalJob.builder("a")
                                        .runsOn("ubuntu-latest")
                                        .step(Step.run("true").build())
                                        .build())
                        .build();
        assertThat(YamlWriter.write(WorkflowTree.of(w), null))
                .startsWith(
                        "on:\n  create:\n  fork:\n  status:\n  workflow_dispatch: {}\n  brand_new: {}\njobs:\n");
    }
}
