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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The go-microservice workflows run on the go-microservice fixture (one package with rapid property
 * tests, one without).
 */
class GoMicroserviceJobsTest {
    @TempDir Path run;

    private JobHarness harness() {
        return new JobHarness(SharedData.repoRoot().orElseThrow(), "go-microservice", run);
    }

    @Test
    void ciTestJobPassesOnAServiceWhoseOtherPackagesDoNotImportRapid() throws Exception {
        GoRuntime.assumeGo();
        JobHarness.JobRun t =
                harness()
                        .run(
                                new JobHarness.Run("ci.yml", "test")
                                        .fixture(Fixtures.fixture("go-microservice")));
        assertThat(t.succeeded()).as(t.transcript()).isTrue();
        String log = t.step("property-tests").log();
        assertThat(log).contains("asset-injector/inject").doesNotContain("asset-injector/server");
        assertThat(t.step("coverage-gate").outcome()).isEqualTo("success");
        assertThat(JobHarness.files(run.resolve("artifacts/coverage")))
                .containsExactly("coverage.out");
    }

    @ParameterizedTest(name = "rollback exits {0}")
    @CsvSource({
        "0, failed and was rolled back",
        "1, 'failed and the automatic rollback failed too: act now'"
    })
    void failedDeployNotifiesWhatTheRollbackReallyDid(int undoExit, String title) throws Exception {
        // The new revision never becomes ready; after a successful undo the old one is.
        String undone = run.resolve("undone").toString();
        String kubectl =
                "case \"$1 $2\" in\n"
                        + "  'get deployment/app') [ \"$*\" = \"get deployment/app -n app -o jsonpath={.metadata.annotations.deployment\\\\.kubernetes\\\\.io/revision}\" ] && printf 5 ;;\n"
                        + "  'rollout status') [ -f '"
                        + undone
                        + "' ] || { echo 'error: deployment \"app\" exceeded its progress deadline' >&2; exit 1; } ;;\n"
                        + "  'rollout undo') [ "
                        + undoExit
                        + " = 0 ] && touch '"
                        + undone
                        + "'; exit "
                        + undoExit
                        + " ;;\n"
                        + "esac\n";
        // gh fails like GitHub does when an issue names a label the repository does not have, until
        // it is created.
        String gh =
                "labels='"
                        + run
                        + "/labels'\n"
                        + "case \"$1 $2\" in\n"
                        + "  'label create') echo \"$3\" >> \"$labels\" ;;\n"
                        + "  'issue create') for a in \"$@\"; do [ \"$prev\" = --label ] && { grep -qx \"$a\" \"$labels\" 2>/dev/null"
                        + " || { echo \"could not add label: '$a' not found\" >&2; exit 1; }; }; prev=$a; done ;;\n"
                        + "esac\n";
        JobHarness.JobRun d =
                harness()
                        .run(
                                new JobHarness.Run("cd.yml", "deploy-staging")
                                        .fixture(Fixtures.fixture("go-microservice"))
                                        .need(
                                                "image",
                                                Map.of("digest", "sha256:" + "ab".repeat(32)),
                                                "success")
                                        .secret("KUBECONFIG", "apiVersion: v1\nkind: Config\n")
                                        .behaviour("kubectl", kubectl)
                                        .behaviour("gh", gh));
        assertThat(d.step("deploy").outcome()).as(d.transcript()).isEqualTo("failure");
        assertThat(d.step("rollback").outcome()).isEqualTo(undoExit == 0 ? "success" : "failure");
        assertThat(d.step("notify").outcome()).as(d.transcript()).isEqualTo("success");
        List<StandIns.Call> issues =
                d.calls("gh").stream().filter(c -> c.argLine().startsWith("issue create")).toList();
        assertThat(issues).hasSize(1);
        String issueTitle = issues.get(0).args().get(issues.get(0).args().indexOf("--title") + 1);
        assertThat(issueTitle).isEqualTo("Deploy to staging " + title);
        assertThat(d.calls("kubectl").stream().map(StandIns.Call::argLine))
                .contains("rollout undo deployment/app -n app --to-revision=5");
    }

    @Test
    void releaseBuildStampsTheVersionAndChecksumsEveryArtifactWithSha256AndSha512()
            throws Exception {
        GoRuntime.assumeGo();
        JobHarness.JobRun b =
                harness()
                        .run(
                                new JobHarness.Run("release.yml", "build")
                                        .fixture(Fixtures.fixture("go-microservice"))
                                        .github("ref", "refs/tags/v2.3.1")
                                        .github("ref_name", "v2.3.1")
                                        .github("ref_type", "tag"));
        assertThat(b.succeeded()).as(b.transcript()).isTrue();
        assertThat(b.outputs()).containsEntry("version", "2.3.1");
        Path dist = b.workspace().resolve("dist");
        assertThat(JobHarness.files(dist))
                .containsExactly(
                        "checksums.sha256.txt",
                        "checksums.sha512.txt",
                        "service-linux-amd64",
                        "service-linux-arm64",
                        "service.spdx.json");
        // -X main.version and main.commit: the strings are in the binary (-trimpath keeps -ldflags
        // out of go version -m)
        String binary =
                new String(
                        Files.readAllBytes(dist.resolve("service-linux-amd64")),
                        StandardCharsets.ISO_8859_1);
        assertThat(binary).contains("2.3.1").contains(sha(b));
        // every artifact under both digests, checked the way a user checks the release's downloads:
        // side by side
        for (String tool : List.of("sha256sum", "sha512sum")) {
            String file = "checksums." + tool.substring(0, 6) + ".txt";
            assertThat(Files.readAllLines(dist.resolve(file))).as(file).hasSize(3);
            Process check =
                    new ProcessBuilder(tool, "-c", file)
                            .directory(dist.toFile())
                            .redirectErrorStream(true)
                            .start();
            String checked =
                    new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(checked).isZero();
            assertThat(checked)
                    .contains(
                            "service-linux-amd64: OK",
                            "service-linux-arm64: OK",
                            "service.spdx.json: OK");
        }
        assertThat(JobHarness.files(run.resolve("artifacts/dist")))
                .contains("checksums.sha256.txt", "service.spdx.json");
    }

    /** The commit the harness made of the fixture (GITHUB_SHA of the run). */
    private static String sha(JobHarness.JobRun r) throws Exception {
        return Fixtures.git(r.workspace(), "rev-parse", "HEAD").strip();
    }
}
