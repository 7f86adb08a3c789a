package dev.pipewright.action.release;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GitHub release against a local WireMock GitHub: created when the tag has none, updated (also
 * a draft, which the by-tag endpoint does not serve) when it has one, assets replaced by name.
 * Objects follow the shapes of the REST API's release and asset responses, as the hub4j recordings
 * in shared/reference do for repositories.
 */
class GitHubReleaseTest {
    private static final ReleaseNotesAction ACTION = new ReleaseNotesAction();
    private WireMockServer gh;

    @BeforeEach
    void start() {
        gh = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gh.start();
        json(
                get(urlPathEqualTo("/repos/octo/demo")),
                200,
                "{\"id\":1,\"name\":\"demo\",\"full_name\":\"octo/demo\","
                        + "\"owner\":{\"login\":\"octo\",\"id\":2,\"type\":\"User\"},\"url\":\""
                        + gh.baseUrl()
                        + "/repos/octo/demo\"}");
        json(post(urlPathEqualTo("/repos/octo/demo/releases")), 201, release(11, false, "[]"));
        json(patch(urlPathEqualTo("/repos/octo/demo/releases/11")), 200, release(11, false, "[]"));
        json(
                post(urlPathEqualTo("/uploads/repos/octo/demo/releases/11/assets")),
                201,
                asset(22, "checksums.txt"));
        gh.stubFor(
                delete(urlPathEqualTo("/repos/octo/demo/releases/assets/21"))
                        .willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        gh.stop();
    }

    private void json(MappingBuilder m, int status, String body) {
        gh.stubFor(
                m.willReturn(
                        aResponse()
                                .withStatus(status)
                                .withHeader("Content-Type", "application/json; charset=utf-8")
                                .withBody(body)));
    }

    private String release(int id, boolean draft, String assets) {
        String api = gh.baseUrl() + "/repos/octo/demo/releases/" + id;
        return "{\"url\":\""
                + api
                + "\",\"html_url\":\"https://github.com/octo/demo/releases/tag/v1.1.0\","
                + "\"assets_url\":\""
                + api
                + "/assets\",\"upload_url\":\""
                + gh.baseUrl()
                + "/uploads/repos/octo/demo/releases/"
                + id
                + "/assets{?name,label}\",\"id\":"
                + id
                + ",\"node_id\":\"RE_1\",\"tag_name\":\"v1.1.0\",\"target_commitish\":\"main\",\"name\":\"v1.1.0\","
                + "\"body\":\"old\",\"draft\":"
                + draft
                + ",\"prerelease\":false,\"created_at\":\"2026-01-02T12:00:00Z\","
                + "\"published_at\":"
                + (draft ? "null" : "\"2026-01-02T12:00:00Z\"")
                + ",\"assets\":"
                + assets
                + "}";
    }

    private String asset(int id, String name) {
        return "{\"url\":\""
                + gh.baseUrl()
                + "/repos/octo/demo/releases/assets/"
                + id
                + "\",\"id\":"
                + id
                + ",\"name\":\""
                + name
                + "\",\"label\":\"\",\"content_type\":\"text/plain\",\"state\":\"uploaded\","
                + "\"size\":3,\"download_count\":0,\"browser_download_url\":\"https://github.com/octo/demo/releases/"
                + "download/v1.1.0/"
                + name
                + "\"}";
    }

    private SimulatedRunner.Step run(SimulatedRunner r) throws Exception {
        try (TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.0.0", 0);
            repo.commit("feat(ui): dark mode");
            r.write("dist/checksums.txt", "abc");
            return r.input("github-release", "true")
                    .input("github-token", "ghs_secret")
                    .input("assets", "dist/*.txt")
                    .input("output-dir", "out")
                    .env("GITHUB_API_URL", gh.baseUrl())
                    .run(ACTION);
        }
    }

    @Test
    void createsTheReleaseAtTheCommitAndUploadsAssets() throws Exception {
        gh.stubFor(
                get(urlPathEqualTo("/repos/octo/demo/releases/tags/v1.1.0"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"message\":\"Not Found\"}")));
        json(get(urlPathEqualTo("/repos/octo/demo/releases")), 200, "[]");
        String head;
        SimulatedRunner.Step step;
        try (SimulatedRunner r = new SimulatedRunner()) {
            step = run(r);
            head = step.outputs().get("version");
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
            assertThat(step.stdout())
                    .startsWith("::add-mask::ghs_secret\n")
                    .contains("GitHub release v1.1.0 created, assets [checksums.txt]");
            assertThat(step.outputs())
                    .containsEntry(
                            "release-url", "https://github.com/octo/demo/releases/tag/v1.1.0");
        }
        assertThat(head).isEqualTo("1.1.0");
        gh.verify(
                1,
                postRequestedFor(urlPathEqualTo("/repos/octo/demo/releases"))
                        .withHeader("Authorization", equalTo("token ghs_secret"))
                        .withRequestBody(matchingJsonPath("$.tag_name", equalTo("v1.1.0")))
                        .withRequestBody(matchingJsonPath("$.name", equalTo("v1.1.0")))
                        .withRequestBody(matchingJsonPath("$.draft", equalTo("false")))
                        .withRequestBody(matchingJsonPath("$.prerelease", equalTo("false")))
                        .withRequestBody(matchingJsonPath("$.target_commitish", containing("")))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.body",
                                        containing("## Features\n\n- **ui:** Dark mode ("))));
        gh.verify(
                1,
                postRequestedFor(urlPathEqualTo("/uploads/repos/octo/demo/releases/11/assets"))
                        .withQueryParam("name", equalTo("checksums.txt"))
                        .withHeader("Content-Type", equalTo("text/plain"))
                        .withRequestBody(equalTo("abc")));
        gh.verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void rerunningUpdatesTheReleaseAndReplacesTheAssetOfTheSameName() throws Exception {
        json(
                get(urlPathEqualTo("/repos/octo/demo/releases/tags/v1.1.0")),
                200,
                release(11, false, "[" + asset(21, "checksums.txt") + "]"));
        json(
                get(urlPathEqualTo("/repos/octo/demo/releases/11/assets")),
                200,
                "[" + asset(21, "checksums.txt") + "]");
        try (SimulatedRunner r = new SimulatedRunner()) {
            SimulatedRunner.Step step = run(r);
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
            assertThat(step.stdout()).contains("GitHub release v1.1.0 updated");
        }
        gh.verify(0, postRequestedFor(urlPathEqualTo("/repos/octo/demo/releases")));
        gh.verify(
                1,
                patchRequestedFor(urlPathEqualTo("/repos/octo/demo/releases/11"))
                        .withRequestBody(matchingJsonPath("$.body", containing("Dark mode"))));
        gh.verify(1, deleteRequestedFor(urlPathEqualTo("/repos/octo/demo/releases/assets/21")));
        gh.verify(
                1, postRequestedFor(urlPathEqualTo("/uploads/repos/octo/demo/releases/11/assets")));
    }

    @Test
    void aDraftIsFoundInTheListAndUpdatedInsteadOfDuplicated() throws Exception {
        gh.stubFor(
                get(urlPathEqualTo("/repos/octo/demo/releases/tags/v1.1.0"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"message\":\"Not Found\"}")));
        json(
                get(urlPathEqualTo("/repos/octo/demo/releases")),
                200,
                "[" + release(11, true, "[]") + "]");
        json(get(urlPathEqualTo("/repos/octo/demo/releases/11/assets")), 200, "[]");
        try (SimulatedRunner r = new SimulatedRunner()) {
            SimulatedRunner.Step step = run(r.input("draft", "true"));
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
        }
        gh.verify(0, postRequestedFor(urlPathEqualTo("/repos/octo/demo/releases")));
        gh.verify(
                1,
                patchRequestedFor(urlPathEqualTo("/repos/octo/demo/releases/11"))
                        .withRequestBody(equalToJson("{\"draft\":true}", true, true)));
    }

    @Test
    void aTokenWithoutWriteAccessFailsTheStepWithTheFix() throws Exception {
        gh.stubFor(
                get(urlPathEqualTo("/repos/octo/demo/releases/tags/v1.1.0"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"message\":\"Not Found\"}")));
        json(get(urlPathEqualTo("/repos/octo/demo/releases")), 200, "[]");
        json(
                post(urlPathEqualTo("/repos/octo/demo/releases")),
                403,
                "{\"message\":\"Resource not accessible by integration\",\"status\":\"403\"}");
        try (SimulatedRunner r = new SimulatedRunner()) {
            SimulatedRunner.Step step = run(r);
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(step.stdout())
                    .contains(
                            "::error::release-notes: could not publish the GitHub release v1.1.0 "
                                    + "on octo/demo: HTTP 403 Resource not accessible by integration (the token needs 'contents: write')");
            // The notes were still written and the outputs set: only publishing failed.
            assertThat(step.outputs())
                    .containsEntry("version", "1.1.0")
                    .containsEntry("release-url", "");
        }
        gh.verify(
                0, anyRequestedFor(urlPathEqualTo("/uploads/repos/octo/demo/releases/11/assets")));
    }

    @Test
    void aRefusedUpdateForAnotherReasonDoesNotBlameTheToken() throws Exception {
        json(
                get(urlPathEqualTo("/repos/octo/demo/releases/tags/v1.1.0")),
                200,
                release(11, false, "[]"));
        json(get(urlPathEqualTo("/repos/octo/demo/releases/11/assets")), 200, "[]");
        json(
                patch(urlPathEqualTo("/repos/octo/demo/releases/11")),
                422,
                "{\"message\":\"Validation Failed\","
                        + "\"errors\":[{\"resource\":\"Release\",\"code\":\"custom\",\"field\":\"body\","
                        + "\"message\":\"body is too long (maximum is 125000 characters)\"}],\"status\":\"422\"}");
        try (SimulatedRunner r = new SimulatedRunner()) {
            SimulatedRunner.Step step = run(r);
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(step.stdout())
                    .contains(
                            "::error::release-notes: could not publish the GitHub release v1.1.0 on "
                                    + "octo/demo: HTTP 422 Validation Failed: body is too long (maximum is 125000 characters)\n")
                    .doesNotContain("token needs");
        }
    }
}
