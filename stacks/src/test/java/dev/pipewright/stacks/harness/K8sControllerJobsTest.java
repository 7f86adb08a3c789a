package dev.pipewright.stacks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The k8s-controller workflows run on a kubebuilder v4 layout whose project is called timewindow.
 */
class K8sControllerJobsTest {
    @TempDir Path run;

    private JobHarness harness() {
        return new JobHarness(SharedData.repoRoot().orElseThrow(), "k8s-controller", run);
    }

    @Test
    void kindSmokeWaitsForTheDeploymentKubebuilderNamedAfterTheProject() throws Exception {
        GoRuntime.assumeGo();
        JobHarness.JobRun k =
                harness()
                        .run(
                                new JobHarness.Run("ci.yml", "kind-smoke")
                                        .fixture(Fixtures.fixture("k8s-controller"))
                                        .behaviour(
                                                "docker",
                                                "[ \"$1\" = images ] && printf 'kindest/node:v1.31.0\\ngolang:1.23\\n"
                                                        + "gcr.io/distroless/static:nonroot\\ncontroller:smoke\\n<none>:<none>\\n'; exit 0"));
        assertThat(k.succeeded()).as(k.transcript()).isTrue();
        List<String> kubectl = k.calls("kubectl").stream().map(StandIns.Call::argLine).toList();
        assertThat(kubectl)
                .as(k.transcript())
                .containsSubsequence(
                        "apply -k config/crd",
                        "apply -k config/default",
                        "-n timewindow-system rollout status deployment/timewindow-controller-manager --timeout=3m",
                        "apply -f test/smoke/scale-up.yaml");
        assertThat(k.calls("kind").stream().map(StandIns.Call::argLine))
                .contains("load docker-image controller:smoke --name smoke");
        // A cache miss saves kind's node image and the Dockerfile's base images where the cache
        // step looks.
        Path tar = k.workspace().getParent().resolve("home/.cache/kind-images/images.tar");
        assertThat(k.calls("docker").stream().map(StandIns.Call::argLine))
                .containsSubsequence(
                        "build -t controller:smoke .",
                        "save -o "
                                + tar
                                + " kindest/node:v1.31.0 golang:1.23 gcr.io/distroless/static:nonroot");
    }

    @Test
    void aReleaseDispatchedOnABranchStopsBeforeAnythingIsTaggedOrPublished() throws Exception {
        JobHarness.JobRun onBranch =
                harness()
                        .run(
                                new JobHarness.Run("release.yml", "image")
                                        .fixture(Fixtures.fixture("k8s-controller"))
                                        .github("event_name", "workflow_dispatch"));
        assertThat(onBranch.succeeded()).as(onBranch.transcript()).isFalse();
        assertThat(onBranch.steps().get(0).log())
                .contains("::error::release.yml ran on branch main: dispatch it on a vX.Y.Z tag");
        assertThat(onBranch.steps().stream().filter(s -> s.outcome().equals("success"))).isEmpty();

        JobHarness.JobRun onTag =
                harness()
                        .run(
                                new JobHarness.Run("release.yml", "image")
                                        .fixture(Fixtures.fixture("k8s-controller"))
                                        .github("event_name", "workflow_dispatch")
                                        .github("ref", "refs/tags/v1.4.0")
                                        .github("ref_name", "v1.4.0")
                                        .github("ref_type", "tag"));
        assertThat(onTag.succeeded()).as(onTag.transcript()).isTrue();
        assertThat(onTag.step("require-tag").outcome()).isEqualTo("success");
    }

    /** The fixture with one more file: what a contributor would add. */
    private Path fixtureWith(String file, String content) throws Exception {
        Path copy = run.resolve("fixture-copy");
        Fixtures.copyTree(Fixtures.fixture("k8s-controller"), copy);
        Files.createDirectories(copy.resolve(file).getParent());
        Files.writeString(copy.resolve(file), content);
        return copy;
    }

    @Test
    void verifyPassesATodoWithAnIssueLinkAndFailsOneWithout() throws Exception {
        JobHarness.JobRun linked =
                harness()
                        .run(
                                new JobHarness.Run("ci.yml", "verify")
                                        .fixture(
                                                fixtureWith(
                                                        "internal/timecalc/window.go",
                                                        "package timecalc\n\n// TODO(#42): handle leap seconds\n")));
        assertThat(linked.succeeded()).as(linked.transcript()).isTrue();

        JobHarness.JobRun bare =
                harness()
                        .run(
                                new JobHarness.Run("ci.yml", "verify")
                                        .fixture(
                                                fixtureWith(
                                                        "internal/timecalc/window.go",
                                                        "package timecalc\n\n// TODO: handle leap seconds\n")));
        assertThat(bare.step("todos").outcome()).as(bare.transcript()).isEqualTo("failure");
        assertThat(bare.step("todos").log())
                .contains("TODOs need an issue link")
                .contains("internal/timecalc/window.go:3:// TODO: handle leap seconds");
    }

    @Test
    void verifyFailsOnAHardCodedKey() throws Exception {
        JobHarness.JobRun r =
                harness()
                        .run(
                                new JobHarness.Run("ci.yml", "verify")
                                        .fixture(
                                                fixtureWith(
                                                        "internal/cloud/creds.go",
                                                        "package cloud\n\nconst key = \"AKIA"
                                                                + "ABCDEFGHIJKLMNOP\"\n")));
        assertThat(r.step("todos").outcome()).isEqualTo("success");
        assertThat(r.step("secrets").outcome()).as(r.transcript()).isEqualTo("failure");
        assertThat(r.step("secrets").log())
                .contains("internal/cloud/creds.go:3:")
                .contains("hard-coded secret");
    }

    @Test
    void publishReleasesInstallYamlSourceArchiveSbomAndChecksumsOfThemAll() throws Exception {
        String digest = "sha256:" + "cd".repeat(32);
        JobHarness.JobRun r =
                harness()
                        .run(
                                new JobHarness.Run("release.yml", "publish")
                                        .fixture(Fixtures.fixture("k8s-controller"))
                                        .github("ref", "refs/tags/v1.4.0")
                                        .github("ref_name", "v1.4.0")
                                        .github("ref_type", "tag")
                                        .need("image", Map.of("digest", digest), "success")
                                        // kubectl kustomize renders config/default: here, the CRD
                                        // the fixture holds
                                        .behaviour(
                                                "kubectl",
                                                "[ \"$1\" = kustomize ] && cat config/crd/scaling.pipewright.dev_timewindowscalers.yaml; exit 0"));
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        Path dist = r.workspace().resolve("dist");
        assertThat(JobHarness.files(dist))
                .containsExactly(
                        "checksums.txt",
                        "controller-v1.4.0.tar.gz",
                        "controller.spdx.json",
                        "install.yaml");
        assertThat(Files.readString(dist.resolve("install.yaml")))
                .contains("kind: CustomResourceDefinition");
        assertThat(r.calls("kubectl"))
                .extracting(StandIns.Call::argLine)
                .containsExactly("kustomize config/default");
        // every asset but the list itself is in checksums.txt, and sha256sum agrees with it
        String sums = Files.readString(dist.resolve("checksums.txt"));
        assertThat(sums)
                .contains("controller-v1.4.0.tar.gz")
                .contains("controller.spdx.json")
                .contains("install.yaml")
                .doesNotContain("checksums.txt");
        Process check =
                new ProcessBuilder("sha256sum", "-c", "checksums.txt")
                        .directory(dist.toFile())
                        .redirectErrorStream(true)
                        .start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(checked).isZero();
        assertThat(r.calls("gh"))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.args())
                                    .containsExactly(
                                            "release",
                                            "create",
                                            "v1.4.0",
                                            "--verify-tag",
                                            "--title",
                                            "v1.4.0",
                                            "dist/checksums.txt",
                                            "dist/controller-v1.4.0.tar.gz",
                                            "dist/controller.spdx.json",
                                            "dist/install.yaml");
                            assertThat(c.env()).containsEntry("GH_TOKEN", "ghs_harness-token");
                        });
    }
}
