package dev.pipewright.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.CallJob;
import dev.pipewright.model.CancelStep;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.ParallelStep;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.RunsOn;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.WaitAllStep;
import dev.pipewright.model.WaitStep;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.testing.KindSamples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of trigger, job, step, runs-on, permissions and YAML node is written, and written with
 * its own keys: before the emitters dispatched through visitors, a kind they did not know came out
 * as {@code {}} or not at all. Each sample list must cover its type's permitted subtypes, so a new
 * kind fails here until it is written.
 */
class EveryKindIsWrittenTest {
    private static final YamlMap ROOT = WorkflowTree.of(KindSamples.workflow());

    private static final Map<Class<?>, String> STEP_KEYS =
            Map.of(
                    RunStep.class,
                    "run",
                    UsesStep.class,
                    "uses",
                    WaitStep.class,
                    "wait",
                    WaitAllStep.class,
                    "wait-all",
                    CancelStep.class,
                    "cancel",
                    ParallelStep.class,
                    "parallel");
    private static final Map<Class<?>, String> JOB_KEYS =
            Map.of(NormalJob.class, "steps", CallJob.class, "uses");

    @Test
    void everyKindOfTriggerIsWrittenWithItsConfiguration() {
        List<Trigger> triggers = KindSamples.triggers();
        assertThat(triggers.stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrder(Trigger.class.getPermittedSubclasses());
        YamlMap on = map(ROOT, "on");
        assertThat(on.entries().keySet())
                .containsExactlyElementsOf(triggers.stream().map(Trigger::event).toList());
        for (Trigger t : triggers) {
            assertThat(written(on.entries().get(t.event()))).as("on.%s", t.event()).isTrue();
        }
    }

    @Test
    void everyKindOfStepIsWrittenWithItsOwnKey() {
        List<Step> steps = KindSamples.steps();
        assertThat(STEP_KEYS.keySet())
                .containsExactlyInAnyOrder(Step.class.getPermittedSubclasses());
        List<YamlNode> written =
                ((YamlSeq) map(map(ROOT, "jobs"), "labels").entries().get("steps")).items();
        assertThat(written).hasSameSizeAs(steps);
        for (int i = 0; i < steps.size(); i++) {
            String key = STEP_KEYS.get(steps.get(i).getClass());
            YamlMap step = (YamlMap) written.get(i);
            assertThat(step.entries()).as("step %d", i + 1).containsKey(key);
            assertThat(written(step.entries().get(key))).as("step %d's %s", i + 1, key).isTrue();
        }
    }

    @Test
    void everyKindOfJobIsWrittenWithItsOwnKey() {
        assertThat(JOB_KEYS.keySet()).containsExactlyInAnyOrder(Job.class.getPermittedSubclasses());
        YamlMap jobs = map(ROOT, "jobs");
        for (Job job : KindSamples.jobs()) {
            String key = JOB_KEYS.get(job.getClass());
            assertThat(written(map(jobs, job.id()).entries().get(key)))
                    .as("job %s's %s", job.id(), key)
                    .isTrue();
        }
    }

    @Test
    void everyFormOfRunsOnAndPermissionsIsWritten() {
        assertThat(KindSamples.runsOn().stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrder(RunsOn.class.getPermittedSubclasses());
        assertThat(KindSamples.permissions().stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrder(Permissions.class.getPermittedSubclasses());
        YamlMap jobs = map(ROOT, "jobs");
        assertThat(map(jobs, "labels").entries())
                .containsEntry("runs-on", YamlScalar.of("ubuntu-latest"))
                .containsEntry("permissions", YamlScalar.of("read-all"));
        assertThat(map(jobs, "group").entries())
                .containsEntry(
                        "runs-on",
                        new YamlMap().put("group", "large-runners").put("labels", "linux"))
                .containsEntry("permissions", YamlScalar.of("write-all"));
        assertThat(map(jobs, "custom").entries())
                .containsEntry("runs-on", new YamlMap().put("labels", "self-hosted"))
                .containsEntry("permissions", new YamlMap().put("contents", "read"));
    }

    @Test
    void everyKindOfYamlNodeIsWrittenAfterAKeyAndAfterADash() {
        YamlMap root = new YamlMap();
        List<YamlNode> nodes = KindSamples.yamlNodes();
        for (int i = 0; i < nodes.size(); i++) {
            root.put("k" + (i + 1), nodes.get(i));
        }
        root.put("items", new YamlSeq(nodes));
        assertThat(YamlWriter.write(root, null))
                .isEqualTo(
                        """
                k1:
                  a: b
                k2:
                  - a
                k3: a
                k4:
                items:
                  - a: b
                  - - a
                  - a
                  -
                """);
    }

    private static YamlMap map(YamlMap parent, String key) {
        assertThat(parent.entries()).containsKey(key);
        return (YamlMap) parent.entries().get(key);
    }

    /** True for a node that writes something: a non-empty collection or a scalar. */
    private static boolean written(YamlNode node) {
        return node != null
                && node.accept(
                        new YamlNode.Visitor<Boolean>() {
                            @Override
                            public Boolean visit(YamlMap map) {
                                return !map.isEmpty();
                            }

                            @Override
                            public Boolean visit(YamlSeq seq) {
                                return !seq.items().isEmpty();
                            }

                            @Override
                            public Boolean visit(YamlScalar scalar) {
                                return true;
                            }

                            @Override
                            public Boolean visit(YamlNull nothing) {
                                return false;
                            }
                        });
    }
}
