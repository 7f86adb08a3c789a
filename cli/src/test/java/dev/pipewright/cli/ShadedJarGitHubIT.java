package dev.pipewright.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as shipped, run as {@code java -jar pipewright.jar} against a local WireMock
 * GitHub serving hub4j's recorded responses (see {@code github-api/README.md}): updating an
 * existing promotion branch and pull request and an existing release takes PATCH requests, which
 * only github-api's Java 11 connector (a multi-release class) can send.
 */
class ShadedJarGitHubIT {
    private static final String REPO = "/repos/hub4j-test-org/github-api";
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    private static final String RELEASE_ID = "44460162";

    @TempDir Path work;
    private Path jar;
    private WireMockServer gh;

    @BeforeEach
    void start() {
        String built = System.getProperty("pipewright.jar");
        Assumptions.assumeTrue(
                built != null && Files.isRegularFile(Path.of(built)),
                "skipped: no shaded jar (runs after package, from failsafe)");
        jar = Path.of(built);
        gh = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gh.start();
    }

    @AfterEach
    void stop() {
        if (gh != null) {
            gh.stop();
        }
    }

    @Test
    void manifestDeclaresMultiRelease() throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            assertThat(jf.getManifest().getMainAttributes().getValue("Multi-Release"))
                    .isEqualTo("true");
        }
    }

    @Test
    void promoteUpdatesTheExistingBranchAndPullRequest() throws Exception {
        promotionApi();
        recorded(
                patch(urlPathMatching(REPO + "/git/refs/heads/promote/prod")),
                200,
                "11-r_h_g_git_refs_heads_main.json");
        recorded(
                patch(urlPathMatching(REPO + "/(pulls|issues)/259")),
                200,
                "7-r_h_g_pulls_273.json");

        Run run = promote();

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("operation=updated")
                .doesNotContain("Invalid HTTP method");
        gh.verify(
                1,
                patchRequestedFor(urlPathEqualTo(REPO + "/git/refs/heads/promote/prod"))
                        .withRequestBody(matchingJsonPath("$.force", WireMock.equalTo("false"))));
        gh.verify(patchRequestedFor(urlPathMatching(REPO + "/(pulls|issues)/259")));
        gh.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/pulls")));
    }

    @Test
    void promoteFailingPatchForAnotherReasonDoesNotBlameTheToken() throws Exception {
        promotionApi();
        // GitHub's answer when the branch moved meanwhile: a conflict, nothing to do with
        // permissions.
        json(
                patch(urlPathMatching(REPO + "/git/refs/heads/promote/prod")),
                422,
                "{\"message\":\"Update is not a fast forward\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/git/refs#update-a-reference\",\"status\":\"422\"}");

        Run run = promote();

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output())
                .contains("Update is not a fast forward")
                .doesNotContainIgnoringCase("permission")
                .doesNotContainIgnoringCase("token");
    }

    @Test
    void releaseNotesUpdateTheExistingRelease() throws Exception {
        releaseApi();
        recorded(
                patch(urlPathMatching(".*/releases/" + RELEASE_ID)),
                200,
                "3-r_h_t_releases_44460162.json",
                "testCreateSimpleRelease",
                "v1.1.0");

        Run run = releaseNotes();

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("GitHub release v1.1.0 updated");
        gh.verify(
                1,
                patchRequestedFor(urlPathEqualTo(REPO + "/releases/" + RELEASE_ID))
                        .withRequestBody(
                                matchingJsonPath("$.body", WireMock.containing("Dark mode"))));
        gh.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/releases")));
    }

    @Test
    void releaseNotesFailingPatchForAnotherReasonDoesNotBlameTheToken() throws Exception {
        releaseApi();
        json(
                patch(urlPathMatching(".*/releases/" + RELEASE_ID)),
                422,
                "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Release\",\"code\":\"custom\","
                        + "\"field\":\"body\",\"message\":\"body is too long (maximum is 125000 characters)\"}],"
                        + "\"documentation_url\":\"https://docs.github.com/rest/releases/releases#update-a-release\","
                        + "\"status\":\"422\"}");

        Run run = releaseNotes();

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output())
                .contains("body is too long")
                .doesNotContainIgnoringCase("permission")
                .doesNotContainIgnoringCase("token");
    }

    /**
     * The repository, its main branch, an existing promote/prod branch with an open pull request
     * (#259).
     */
    private void promotionApi() throws IOException {
        recorded(get(urlPathEqualTo(REPO)), 200, "3-r_h_github-api.json");
        recorded(
                get(urlPathEqualTo(REPO + "/git/refs/heads/main")),
                200,
                "4-r_h_g_git_refs_heads_main.json");
        recorded(
                get(urlPathEqualTo(REPO + "/git/refs/heads/promote/prod")),
                200,
                "6-r_h_g_git_refs.json",
                "test/squashMerge",
                "promote/prod");
        recorded(get(urlPathMatching(REPO + "/git/trees/.*")), 200, "4-r_h_g_git_trees_main.json");
        recorded(post(urlPathEqualTo(REPO + "/git/blobs")), 201, "5-r_h_g_git_blobs.json");
        recorded(post(urlPathEqualTo(REPO + "/git/trees")), 201, "9-r_h_g_git_trees.json");
        recorded(post(urlPathEqualTo(REPO + "/git/commits")), 201, "10-r_h_g_git_commits.json");
        recorded(get(urlPathEqualTo(REPO + "/pulls")), 200, "6-r_h_g_pulls.json");
        recorded(
                post(urlPathMatching(REPO + "/issues/[0-9]+/labels")),
                200,
                "6-r_h_g_issues_427_labels.json");
    }

    /** The repository and its existing release of v1.1.0 (hub4j's recorded release, retagged). */
    private void releaseApi() throws IOException {
        recorded(get(urlPathEqualTo(REPO)), 200, "3-r_h_github-api.json");
        recorded(
                get(urlPathEqualTo(REPO + "/releases/tags/v1.1.0")),
                200,
                "3-r_h_t_releases_44460162.json",
                "testCreateSimpleRelease",
                "v1.1.0");
    }

    private Run promote() throws Exception {
        Path values = work.resolve("deploy/prod/values.yaml");
        Files.createDirectories(values.getParent());
        try (InputStream in = resource("promote/values.yaml")) {
            Files.copy(in, values);
        }
        return run(
                "promote",
                "--env",
                "prod",
                "--image",
                "app=ghcr.io/acme/example-app:1.3.0@" + DIGEST,
                "--helm-values",
                "deploy/prod/values.yaml:image",
                "--labels",
                "promotion",
                "--github-token",
                "t0ken");
    }

    private Run releaseNotes() throws Exception {
        git("init", "-q", "-b", "main");
        commit("feat: a");
        git("tag", "v1.0.0");
        commit("feat(ui): dark mode");
        return run(
                "release-notes",
                "--github-release",
                "--github-token",
                "ghs_secret",
                "--output-dir",
                "out");
    }

    private void commit(String message) throws Exception {
        Files.writeString(work.resolve("file.txt"), message + "\n");
        git("add", "file.txt");
        git(
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "commit",
                "-q",
                "-m",
                message);
    }

    private void git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p =
                new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git " + String.join(" ", args) + ": " + out).isZero();
    }

    record Run(int exit, String output) {}

    private Run run(String... args) throws Exception {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        // A run inside a workflow must not leak the real runner's files or repository into the
        // test.
        env.keySet()
                .removeIf(
                        k ->
                                k.startsWith("GITHUB_")
                                        || k.startsWith("RUNNER_")
                                        || k.startsWith("INPUT_"));
        env.put("GITHUB_API_URL", gh.baseUrl());
        env.put("GITHUB_REPOSITORY", "hub4j-test-org/github-api");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("pipewright finished").isTrue();
        return new Run(p.exitValue(), out);
    }

    private void recorded(MappingBuilder m, int status, String file, String... replacements)
            throws IOException {
        String body;
        try (InputStream in = resource("github-api/" + file)) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // As hub4j's GitHubWireMockRule does: the recorded API URLs point at the mock.
        body = body.replace("https://api.github.com", gh.baseUrl());
        for (int i = 0; i < replacements.length; i += 2) {
            body = body.replace(replacements[i], replacements[i + 1]);
        }
        json(m, status, body);
    }

    private void json(MappingBuilder m, int status, String body) {
        gh.stubFor(
                m.willReturn(
                        aResponse()
                                .withStatus(status)
                                .withHeader("Content-Type", "application/json; charset=utf-8")
                                .withBody(body)));
    }

    private static InputStream resource(String name) {
        InputStream in = ShadedJarGitHubIT.class.getResourceAsStream("/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
