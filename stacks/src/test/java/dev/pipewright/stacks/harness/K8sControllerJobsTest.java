package dev.pipewright.stacks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The k8s-controller workflows run on a kubebuilder v4 layout whose project is called timewindow. */
class K8sControllerJobsTest {
    @TempDir
    Path run;

    private JobHarness harness() {
        return new JobHarness(SharedData.repoRoot().orElseThrow(), "k8s-controller", run);
    }

    @Test
    void kindSmokeWaitsForTheDeploymentKubebuilderNamedAfterTheProject() throws Exception {
        GoRuntime.assumeGo();
        JobHarness.JobRun k = harness().run(new JobHarness.Run("ci.yml", "kind-smoke").fixture(Fixtures.fixture("k8s-controller"))
                .behaviour("docker", "[ \"$1\" = images ] && printf 'kindest/node:v1.31.0\\ngolang:1.23\\n"
                        + "gcr.io/distroless/static:nonroot\\ncontroller:smoke\\n<none>:<none>\\n'; exit 0"));
        assertThat(k.succeeded()).as(k.transcript()).isTrue();
        List<String> kubectl = k.calls("kubectl").stream().map(StandIns.Call::argLine).toList();
        assertThat(kubectl).as(k.transcript()).containsSubsequence("apply -k config/crd", "apply -k config/default",
                "-n timewindow-system rollout status deployment/timewindow-controller-manager --timeout=3m",
                "apply -f test/smoke/scale-up.yaml");
        assertThat(k.calls("kind").stream().map(StandIns.Call::argLine)).contains("load docker-image controller:smoke --name smoke");
        // A cache miss saves kind's node image and the Dockerfile's base images where the cache step looks.
        Path tar = k.workspace().getParent().resolve("home/.cache/kind-images/images.tar");
        assertThat(k.calls("docker").stream().map(StandIns.Call::argLine)).containsSubsequence(
                "build -t controller:smoke .", "save -o " + tar + " kindest/node:v1.31.0 golang:1.23 gcr.io/distroless/static:nonroot");
    }

    @Test
    void aReleaseDispatchedOnABranchStopsBeforeAnythingIsTaggedOrPublished() throws Exception {
        JobHarness.JobRun onBranch = harness().run(new JobHarness.Run("release.yml", "image")
                .fixture(Fixtures.fixture("k8s-controller")).github("event_name", "workflow_dispatch"));
        assertThat(onBranch.succeeded()).as(onBranch.transcript()).isFalse();
        assertThat(onBranch.steps().get(0).log()).contains("::error::release.yml ran on branch main: dispatch it on a vX.Y.Z tag");
        assertThat(onBranch.steps().stream().filter(s -> s.outcome().equals("success"))).isEmpty();

        JobHarness.JobRun onTag = harness().run(new JobHarness.Run("release.yml", "image")
                .fixture(Fixtures.fixture("k8s-controller")).github("event_name", "workflow_dispatch")
                .github("ref", "refs/tags/v1.4.0").github("ref_name", "v1.4.0").github("ref_type", "tag"));
        assertThat(onTag.succeeded()).as(onTag.transcript()).isTrue();
        assertThat(onTag.step("require-tag").outcome()).isEqualTo("success");
    }
}
