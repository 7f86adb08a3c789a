package dev.pipewright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.ActionRef;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.model.validation.WorkflowValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionPinningTest {
    private static final String SHA = "1111111111111111111111111111111111111111";
    private static final String OTHER = "2222222222222222222222222222222222222222";
    // a release the bundled lock also records (the renderer test pins with it)
    private static final String CHECKOUT = "actions/checkout@v7.0.1";
    private static final ActionLock LOCK =
            ActionLock.empty()
                    .with("actions/checkout@v7.0.1", SHA)
                    .with("github/codeql-action@v4.37.7", OTHER);

    private static Workflow workflow(Step... steps) {
        NormalJob.Builder job = Job.builder("build").runsOn("ubuntu-24.04").timeoutMinutes(5);
        for (Step s : steps) {
            job.step(s);
        }
        return Workflow.builder("ci.yml")
                .on(Trigger.push())
                .permissions(Permissions.none())
                .job(job.build())
                .build();
    }

    private static List<Step> steps(Workflow w) {
        return ((NormalJob) w.jobs().get(0)).steps();
    }

    @Test
    void tagsBecomeShasWithTheTagAsComment() {
        Workflow w =
                ActionPinning.pin(
                        workflow(
                                Step.uses(CHECKOUT).build(),
                                Step.uses("github/codeql-action/upload-sarif@v4.37.7")
                                        .with("sarif_file", "x.sarif")
                                        .build()),
                        LOCK);
        ActionRef checkout = ((UsesStep) steps(w).get(0)).uses();
        assertThat(checkout.text()).isEqualTo("actions/checkout@" + SHA);
        assertThat(checkout.versionComment()).isEqualTo("v7.0.1");
        assertThat(((UsesStep) steps(w).get(1)).uses().text())
                .isEqualTo("github/codeql-action/upload-sarif@" + OTHER);
    }

    @Test
    void localDockerAndPinnedReferencesStayAsTheyAre() {
        UsesStep local = Step.uses("./.github/actions/build").build();
        UsesStep docker = Step.uses("docker://alpine:3.20").build();
        UsesStep pinned = Step.uses(ActionRef.pinned("acme/tool", OTHER, "v9.9.9")).build();
        Workflow w =
                ActionPinning.pin(
                        workflow(local, docker, pinned, Step.run("true").build()),
                        ActionLock.empty());
        assertThat(steps(w)).containsExactly(local, docker, pinned, steps(w).get(3));
    }

    @Test
    void missingEntryNamesThePlaceAndTheFix() {
        Workflow w =
                workflow(
                        Step.run("true").build(),
                        Step.uses("actions/checkout@v9.0.0").id("co").build());
        assertThatThrownBy(() -> ActionPinning.pin(w, LOCK))
                .isInstanceOf(WorkflowValidationException.class)
                .hasMessage(
                        "workflow ci.yml › job build › step 2 (id: co): uses actions/checkout@v9.0.0 but the"
                                + " action lock has no commit for actions/checkout@v9.0.0; run ./pipewright pin"
                                + " actions/checkout@v9.0.0 (it records the tag's commit in .github/pipewright.lock.yml)");
    }

    @Test
    void rendererPinsAndWritesTheComment() {
        Pipeline p =
                new Pipeline() {
                    public String id() {
                        return "demo";
                    }

                    public String source() {
                        return "Demo.java";
                    }

                    public String outputDirectory() {
                        return "out";
                    }

                    public List<Workflow> workflows() {
                        return List.of(
                                workflow(
                                        Step.uses(CHECKOUT)
                                                .with("persist-credentials", false)
                                                .build()));
                    }
                };
        String yaml = PipelineRenderer.render(p, LOCK).get(0).content();
        assertThat(yaml)
                .contains(
                        "      - uses: actions/checkout@"
                                + SHA
                                + " # v7.0.1\n"
                                + "        with:\n          persist-credentials: false\n");
        assertThat(PipelineRenderer.render(p).get(0).content())
                .contains(
                        "uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1");
    }
}
