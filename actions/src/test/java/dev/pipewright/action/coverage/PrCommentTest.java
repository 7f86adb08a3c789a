package dev.pipewright.action.coverage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pull-request comment against a local WireMock GitHub; response shapes follow the hub4j
 * recordings in shared/reference/github-api-recordings (repository, issue and comment objects, JSON
 * content type).
 */
class PrCommentTest {
    private WireMockServer gh;

    @BeforeEach
    void start() {
        gh = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gh.start();
        String base = gh.baseUrl();
        json(
                get(urlPathEqualTo("/repos/octo/demo")),
                200,
                "{\"id\":1,\"name\":\"demo\",\"full_name\":\"octo/demo\","
                        + "\"owner\":{\"login\":\"octo\",\"id\":2,\"type\":\"User\"},\"url\":\""
                        + base
                        + "/repos/octo/demo\"}");
        json(
                get(urlPathEqualTo("/repos/octo/demo/issues/7")),
                200,
                "{\"id\":70,\"number\":7,\"title\":\"t\",\"state\":\"open\","
                        + "\"url\":\""
                        + base
                        + "/repos/octo/demo/issues/7\",\"pull_request\":{\"url\":\""
                        + base
                        + "/repos/octo/demo/pulls/7\"}}");
        json(post(urlPathEqualTo("/repos/octo/demo/issues/7/comments")), 201, comment(102, "new"));
        json(
                patch(urlPathEqualTo("/repos/octo/demo/issues/comments/101")),
                200,
                comment(101, "updated"));
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

    private String comment(int id, String body) {
        return "{\"id\":"
                + id
                + ",\"body\":\""
                + body
                + "\",\"url\":\""
                + gh.baseUrl()
                + "/repos/octo/demo/issues/comments/"
                + id
                + "\",\"html_url\":\"https://github.com/octo/demo/pull/7#issuecomment-"
                + id
                + "\",\"user\":{\"login\":\"bot\"}}";
    }

    private SimulatedRunner.Step runGate(SimulatedRunner r) {
        r.copy(TestData.sample("go/cover.coverpkg.count.out"), "coverage.out");
        return r.input("files", "coverage.out")
                .input("min", "60")
                .input("github-token", "ghs_secret")
                .env("GITHUB_API_URL", gh.baseUrl())
                .event(
                        "pull_request",
                        "{\"pull_request\":{\"number\":7,\"base\":{\"sha\":\"abc\"}}}")
                .run(new CoverageGateAction());
    }

    @Test
    void updatesTheCommentCarryingTheMarker() throws Exception {
        json(
                get(urlPathEqualTo("/repos/octo/demo/issues/7/comments")),
                200,
                "["
                        + comment(100, "unrelated")
                        + ","
                        + comment(101, PrComment.MARKER.replace("\"", "\\\"") + "\\nold")
                        + "]");
        try (SimulatedRunner r = new SimulatedRunner()) {
            SimulatedRunner.Step step = runGate(r);
            assertThat(step.exit()).isZero();
            assertThat(step.stdout())
                    .startsWith("::add-mask::ghs_secret\n")
                    .contains("coverage comment updated on #7");
        }
        gh.verify(
                1,
                patchRequestedFor(urlPathEqualTo("/repos/octo/demo/issues/comments/101"))
                        .withHeader("Authorization", equalTo("token ghs_secret"))
                        .withRequestBody(containing(PrComment.MARKER))
                        .withRequestBody(containing("Coverage 68.8%")));
        gh.verify(0, postRequestedFor(urlPathEqualTo("/repos/octo/demo/issues/7/comments")));
    }

    @Test
    void createsOneWhenNoneCarriesTheMarker() throws Exception {
        json(
                get(urlPathEqualTo("/repos/octo/demo/issues/7/comments")),
                200,
                "[" + comment(100, "unrelated") + "]");
        try (SimulatedRunner r = new SimulatedRunner()) {
            assertThat(runGate(r).stdout()).contains("coverage comment created on #7");
        }
        gh.verify(
                1,
                postRequestedFor(urlPathEqualTo("/repos/octo/demo/issues/7/comments"))
                        .withRequestBody(containing(PrComment.MARKER)));
        gh.verify(0, patchRequestedFor(urlPathEqualTo("/repos/octo/demo/issues/comments/101")));
    }

    @Test
    void aReadOnlyTokenWarnsButDoesNotChangeTheVerdict() throws Exception {
        json(get(urlPathEqualTo("/repos/octo/demo/issues/7/comments")), 200, "[]");
        json(
                post(urlPathEqualTo("/repos/octo/demo/issues/7/comments")),
                403,
                "{\"message\":\"Resource not accessible by integration\",\"status\":\"403\"}");
        try (SimulatedRunner r = new SimulatedRunner()) {
            SimulatedRunner.Step step = runGate(r);
            assertThat(step.exit()).isZero();
            assertThat(step.outputs()).containsEntry("passed", "true");
            assertThat(step.stdout()).contains("::warning::could not comment on pull request #7");
        }
    }
}
