package dev.pipewright.action.promote;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import dev.pipewright.action.retry.Ticker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promote action end to end in the simulated runner, against a WireMock GitHub serving the
 * recorded response bodies of the git data API and pulls (hub4j/github-api recordings): created,
 * updated in place, 422 falling back to update, nothing to change, and bad input.
 */
class PromoteActionTest {
    static final String DIGEST = PromotionSamplesTest.DIGEST;
    static final String REPO = "/repos/hub4j-test-org/github-api";
    static final String BASE_SHA = "912e2176a00e60e02196737e0ae4c218a14b5dcb";
    private WireMockServer gh;
    private SimulatedRunner runner;

    @BeforeEach
    void start() throws Exception {
        gh = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gh.start();
        recorded(get(urlPathEqualTo(REPO)), 200, "3-r_h_github-api.json");
        recorded(
                get(urlPathEqualTo(REPO + "/git/refs/heads/main")),
                200,
                "4-r_h_g_git_refs_heads_main.json");
        gh.stubFor(
                get(urlPathEqualTo(REPO + "/git/refs/heads/promote/prod"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"message\":\"Not Found\"}")));
        recorded(get(urlPathMatching(REPO + "/git/trees/.*")), 200, "4-r_h_g_git_trees_main.json");
        recorded(post(urlPathEqualTo(REPO + "/git/blobs")), 201, "5-r_h_g_git_blobs.json");
        recorded(post(urlPathEqualTo(REPO + "/git/trees")), 201, "9-r_h_g_git_trees.json");
        recorded(post(urlPathEqualTo(REPO + "/git/commits")), 201, "10-r_h_g_git_commits.json");
        recorded(post(urlPathEqualTo(REPO + "/git/refs")), 201, "6-r_h_g_git_refs.json");
        recorded(
                patch(urlPathMatching(".*/git/refs/heads/.*")),
                200,
                "11-r_h_g_git_refs_heads_main.json");
        json(get(urlPathEqualTo(REPO + "/pulls")), 200, "[]");
        recorded(post(urlPathEqualTo(REPO + "/pulls")), 201, "10-r_h_g_pulls.json");
        recorded(
                patch(urlPathMatching(REPO + "/(pulls|issues)/[0-9]+")),
                200,
                "7-r_h_g_pulls_273.json");
        recorded(
                post(urlPathMatching(REPO + "/issues/[0-9]+/labels")),
                200,
                "6-r_h_g_issues_427_labels.json");
        runner = new SimulatedRunner();
        runner.env("GITHUB_API_URL", gh.baseUrl())
                .env("GITHUB_REPOSITORY", "hub4j-test-org/github-api");
        runner.copy(TestData.resource("promote/samples/values.yaml"), "deploy/prod/values.yaml");
        runner.copy(
                TestData.resource("promote/samples/kustomization.yaml"),
                "deploy/prod/kustomization.yaml");
        runner.input("env", "prod")
                .input("image", "app=ghcr.io/acme/example-app:1.3.0@" + DIGEST)
                .input("helm-values", "deploy/prod/values.yaml:image")
                .input("kustomization", "deploy/prod/kustomization.yaml")
                .input("github-token", "t0ken")
                .input("labels", "promotion");
    }

    @AfterEach
    void stop() throws Exception {
        gh.stop();
        runner.close();
    }

    private void recorded(MappingBuilder m, int status, String file) throws Exception {
        json(
                m,
                status,
                Files.readString(TestData.resource("promote/github/" + file))
                        .replace("https://api.github.com", gh.baseUrl()));
    }

    /**
     * The recorded branch ref, for the environment's branch (github-api checks the name it gets
     * back).
     */
    private void branchExists() throws Exception {
        json(
                get(urlPathEqualTo(REPO + "/git/refs/heads/promote/prod")),
                200,
                Files.readString(TestData.resource("promote/github/6-r_h_g_git_refs.json"))
                        .replace("https://api.github.com", gh.baseUrl())
                        .replace("test/squashMerge", "promote/prod"));
    }

    private void json(MappingBuilder m, int status, String body) {
        gh.stubFor(
                m.willReturn(
                        aResponse()
                                .withStatus(status)
                                .withHeader("Content-Type", "application/json; charset=utf-8")
                                .withBody(body)));
    }

    private SimulatedRunner.Step run() {
        PromoteAction action =
                new PromoteAction(
                        Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC),
                        Ticker.fake(),
                        new Random(1),
                        Registry::create);
        return runner.run(action);
    }

    @Test
    void freshPullRequestIsCreatedWithOneCommitForAllFiles() throws Exception {
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).as(s.stdout()).isEqualTo(ExitCode.OK);
        assertThat(s.outputs())
                .containsEntry("operation", "created")
                .containsEntry("pull-request-number", "267")
                .containsEntry(
                        "pull-request-url", "https://github.com/hub4j-test-org/github-api/pull/267")
                .containsEntry("branch", "promote/prod");
        String values = Files.readString(TestData.resource("promote/samples/values.expected.yaml"));
        gh.verify(
                1,
                postRequestedFor(urlPathEqualTo(REPO + "/git/trees"))
                        .withRequestBody(
                                matchingJsonPath("$.base_tree", WireMock.equalTo(BASE_SHA)))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.tree[0].path",
                                        WireMock.equalTo("deploy/prod/kustomization.yaml")))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.tree[1].path",
                                        WireMock.equalTo("deploy/prod/values.yaml"))));
        gh.verify(
                postRequestedFor(urlPathEqualTo(REPO + "/git/blobs"))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.content",
                                        WireMock.equalTo(
                                                Base64.getEncoder()
                                                        .encodeToString(
                                                                values.getBytes(
                                                                        StandardCharsets
                                                                                .UTF_8))))));
        gh.verify(
                1,
                postRequestedFor(urlPathEqualTo(REPO + "/git/commits"))
                        .withRequestBody(
                                matchingJsonPath("$.parents[0]", WireMock.equalTo(BASE_SHA))));
        gh.verify(
                1,
                postRequestedFor(urlPathEqualTo(REPO + "/git/refs"))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.ref", WireMock.equalTo("refs/heads/promote/prod"))));
        gh.verify(
                1,
                postRequestedFor(urlPathEqualTo(REPO + "/pulls"))
                        .withRequestBody(
                                matchingJsonPath("$.head", WireMock.equalTo("promote/prod")))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.body", WireMock.containing("`1.2.3` → `1.3.0`"))));
        gh.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/issues/267/labels")));
        // The working tree is not touched outside dry-run.
        assertThat(runner.workspace().resolve("deploy/prod/values.yaml"))
                .hasContent(Files.readString(TestData.resource("promote/samples/values.yaml")));
        assertThat(s.summary())
                .contains("Promotion to prod: created", "images present", "vulnerability policy");
    }

    @Test
    void existingPullRequestIsUpdatedInPlace() throws Exception {
        recorded(get(urlPathEqualTo(REPO + "/pulls")), 200, "6-r_h_g_pulls.json");
        branchExists();
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).as(s.stdout()).isEqualTo(ExitCode.OK);
        assertThat(s.outputs())
                .containsEntry("operation", "updated")
                .containsEntry("pull-request-number", "259");
        gh.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/pulls")));
        gh.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/git/refs")));
        // A new commit on top of the branch, never a force push.
        gh.verify(
                1,
                patchRequestedFor(urlPathMatching(".*/git/refs/heads/.*"))
                        .withRequestBody(matchingJsonPath("$.force", WireMock.equalTo("false"))));
        gh.verify(patchRequestedFor(urlPathMatching(REPO + "/(pulls|issues)/259")));
    }

    @Test
    void alreadyExistsFallsBackToUpdate() throws Exception {
        json(
                post(urlPathEqualTo(REPO + "/pulls")),
                422,
                Files.readString(TestData.resource("promote/github/5-r_h_g_pulls-422.json")));
        // The first listing (before creating) is empty; the one after the 422 finds the concurrent
        // run's PR.
        gh.stubFor(
                get(urlPathEqualTo(REPO + "/pulls"))
                        .inScenario("race")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("opened")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("[]")));
        gh.stubFor(
                get(urlPathEqualTo(REPO + "/pulls"))
                        .inScenario("race")
                        .whenScenarioStateIs("opened")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                Files.readString(
                                                                TestData.resource(
                                                                        "promote/github/6-r_h_g_pulls.json"))
                                                        .replace(
                                                                "https://api.github.com",
                                                                gh.baseUrl()))));
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).as(s.stdout()).isEqualTo(ExitCode.OK);
        assertThat(s.outputs())
                .containsEntry("operation", "updated")
                .containsEntry("pull-request-number", "259");
    }

    @Test
    void nothingChangedIsNoneWithoutAnyApiCall() throws Exception {
        runner.copy(
                TestData.resource("promote/samples/values.expected.yaml"),
                "deploy/prod/values.yaml");
        runner.copy(
                TestData.resource("promote/samples/kustomization.expected.yaml"),
                "deploy/prod/kustomization.yaml");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).as(s.stdout()).isEqualTo(ExitCode.OK);
        assertThat(s.outputs())
                .containsEntry("operation", "none")
                .containsEntry("pull-request-number", "");
        gh.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void promotingTheSameReleaseTwiceIsIdempotent() throws Exception {
        // Second run: the branch and its open pull request already carry exactly this content and
        // body.
        SimulatedRunner.Step first = run();
        assertThat(first.exit()).isEqualTo(ExitCode.OK);
        String body = Files.readString(runner.root().resolve("runner_temp/promote/pr-body.md"));
        String kust =
                Files.readString(TestData.resource("promote/samples/kustomization.expected.yaml"));
        String values = Files.readString(TestData.resource("promote/samples/values.expected.yaml"));
        String pulls =
                Files.readString(TestData.resource("promote/github/6-r_h_g_pulls.json"))
                        .replace("https://api.github.com", gh.baseUrl());
        ArrayNode list = (ArrayNode) new ObjectMapper().readTree(pulls);
        ((ObjectNode) list.get(0)).put("body", body).put("title", "Promote to prod: app 1.3.0");
        json(get(urlPathEqualTo(REPO + "/pulls")), 200, list.toString());
        branchExists();
        String branchTree =
                "{\"sha\":\"b09a1698f3aeb1d462c3492007760e2579734c74\",\"url\":\""
                        + gh.baseUrl()
                        + REPO
                        + "/git/trees/b09a\",\"tree\":["
                        + entry("deploy/prod/kustomization.yaml", kust)
                        + ","
                        + entry("deploy/prod/values.yaml", values)
                        + "],\"truncated\":false}";
        gh.resetRequests();
        // Base and branch refs both point at the recorded SHA, so the tree is served by order: the
        // base's first
        // (the recorded tree, without the files), then the branch's (with them).
        gh.stubFor(
                get(urlPathEqualTo(REPO + "/git/trees/" + BASE_SHA))
                        .inScenario("trees")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("branch")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                Files.readString(
                                                        TestData.resource(
                                                                "promote/github/4-r_h_g_git_trees_main.json")))));
        gh.stubFor(
                get(urlPathEqualTo(REPO + "/git/trees/" + BASE_SHA))
                        .inScenario("trees")
                        .whenScenarioStateIs("branch")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(branchTree)));
        SimulatedRunner.Step second = run();
        assertThat(second.exit()).as(second.stdout()).isEqualTo(ExitCode.OK);
        assertThat(second.outputs())
                .containsEntry("operation", "none")
                .containsEntry("pull-request-number", "259");
        gh.verify(0, postRequestedFor(anyUrl()));
        gh.verify(0, patchRequestedFor(anyUrl()));
    }

    private static String entry(String path, String content) {
        return "{\"path\":\""
                + path
                + "\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\""
                + PullRequest.blobId(content)
                + "\",\"size\":"
                + content.length()
                + "}";
    }

    @Test
    void dryRunRewritesTheWorkingTreeAndWritesPatchAndBody() throws Exception {
        runner.input("dry-run", "true").input("output-dir", "out");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).as(s.stdout()).isEqualTo(ExitCode.OK);
        assertThat(s.outputs()).containsEntry("operation", "dry-run");
        assertThat(runner.workspace().resolve("deploy/prod/values.yaml"))
                .hasContent(
                        Files.readString(
                                TestData.resource("promote/samples/values.expected.yaml")));
        assertThat(runner.workspace().resolve("deploy/prod/kustomization.yaml"))
                .hasContent(
                        Files.readString(
                                TestData.resource("promote/samples/kustomization.expected.yaml")));
        assertThat(Files.readString(runner.workspace().resolve("out/promotion.patch")))
                .startsWith("diff --git a/deploy/prod/values.yaml b/deploy/prod/values.yaml\n")
                .contains(
                        "-  tag: \"1.2.3\"   # managed by promotion\n-  digest: \"\"\n+  tag: \"1.3.0\"   # managed by promotion\n");
        assertThat(Files.readString(runner.workspace().resolve("out/pr-body.md")))
                .contains("Promotes to **prod**");
        gh.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void dryRunWithAPatchTargetThatIsADirectoryRewritesNothing() throws Exception {
        Files.createDirectories(runner.workspace().resolve("out/promotion.patch"));
        String before = Files.readString(runner.workspace().resolve("deploy/prod/values.yaml"));
        runner.input("dry-run", "true").input("output-dir", "out");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout()).contains("input 'output-dir': out/promotion.patch is a directory");
        assertThat(runner.workspace().resolve("deploy/prod/values.yaml")).hasContent(before);
        assertThat(runner.workspace().resolve("out/pr-body.md")).doesNotExist();
    }

    @Test
    void checksOfEarlierStepsAreListedAmongTheGates() throws Exception {
        runner.input("dry-run", "true")
                .input("output-dir", "out")
                .input(
                        "checks",
                        "signatures: app "
                                + DIGEST
                                + " keyless, identity https://github.com/acme/app/.github/workflows/cd.yml@refs/tags/v1.3.0\n"
                                + "SBOM attestations: app spdxjson attestation verified\n"
                                + "provenance: app SLSA level 3");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).as(s.stdout()).isEqualTo(ExitCode.OK);
        String body = Files.readString(runner.workspace().resolve("out/pr-body.md"));
        assertThat(body)
                .contains(
                        "- ✅ **signatures**: passed\n  - app "
                                + DIGEST
                                + " keyless, identity "
                                + "https://github.com/acme/app/.github/workflows/cd.yml@refs/tags/v1.3.0 (checked by an earlier step)\n")
                .contains(
                        "- ✅ **SBOM attestations**: passed\n  - app spdxjson attestation verified (checked by an earlier step)\n")
                .contains("- ✅ **provenance**: passed\n")
                .doesNotContain("no key given");

        // an earlier step cannot turn a gate this action failed into a pass
        runner.copy(TestData.resource("promote/trivy/debian-buster.trivy.json"), "trivy.json");
        runner.input("trivy-report", "trivy.json")
                .input("checks", "vulnerability policy: scanned by hand");
        s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(s.summary()).contains("scanned by hand (checked by an earlier step)");

        runner.input("trivy-report", "").input("checks", "no colon here");
        s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout())
                .contains("input 'checks'")
                .contains("'no colon here' is not 'gate: detail'");
    }

    @Test
    void failingGateBlocksWithoutPullRequest() throws Exception {
        runner.copy(TestData.resource("promote/trivy/debian-buster.trivy.json"), "trivy.json");
        runner.input("trivy-report", "trivy.json");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(s.stdout()).contains("blocked by: vulnerability policy");
        assertThat(s.summary()).contains("❌ Promotion to prod blocked", "CVE-2019-18224 CRITICAL");
        gh.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void waiversPassTheGateAndAreListedInThePullRequest() throws Exception {
        runner.copy(TestData.resource("promote/trivy/debian-buster.trivy.json"), "trivy.json");
        runner.write(
                ".trivyignore",
                "# bash is not used at run time\nCVE-2019-18276\n"
                        + "# libidn2 unreachable, vendor fix pending\nCVE-2019-18224 exp:2099-01-01\n");
        runner.input("trivy-report", "trivy.json").input("allowlist", ".trivyignore");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).as(s.stdout()).isEqualTo(ExitCode.OK);
        gh.verify(
                postRequestedFor(urlPathEqualTo(REPO + "/pulls"))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.body",
                                        WireMock.containing(
                                                "| CVE-2019-18224 | libidn2-0 | CRITICAL | libidn2 unreachable, vendor fix pending | 2099-01-01 |"))));
    }

    @Test
    void badInputExitsTwoNamingFileAndLine() throws Exception {
        runner.write("other.yaml", "image:\n  repository: ghcr.io/acme/unknown\n  tag: 1.0.0\n");
        runner.input("helm-values", "other.yaml");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout()).contains("other.yaml:2: 'image.repository' is ghcr.io/acme/unknown");

        runner.input("helm-values", "deploy/prod/values.yaml:image")
                .input("trivy-report", "missing.json");
        s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout()).contains("missing.json:1: no such file (input 'trivy-report')");

        runner.write("trunc.json", "{\"SchemaVersion\": 2,\n \"Results\": [");
        runner.input("trivy-report", "trunc.json");
        s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout())
                .contains("trunc.json:2:14: malformed JSON: Unexpected end-of-input")
                .doesNotContain("Source");

        runner.input("trivy-report", "").write(".trivyignore", "# why\nCVE-1 exp:2026-02-30\n");
        runner.input("allowlist", ".trivyignore");
        s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout()).contains(".trivyignore:2: 'exp:2026-02-30' is not a date");

        runner.input("allowlist", "").input("helm-values", "deploy/prod/values.yaml:app.image");
        s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout())
                .contains("deploy/prod/values.yaml: no value at path 'app.image.repository'");
        gh.verify(0, anyRequestedFor(anyUrl()));
    }
}
