package dev.pipewright.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.pipewright.pipeline.ActionLock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipewright pin} against a WireMock server replaying GitHub's answer shapes (see the hub4j
 * recordings under ../shared/reference/github-api-recordings) and against a local git repository
 * for {@code --git}.
 */
class PinCommandTest {
    private static final String COMMIT = "912e2176a00e60e02196737e0ae4c218a14b5dcb";
    private static final String TAG_OBJECT = "5b7f1ce7e4a8d3b2c1a0f9e8d7c6b5a4f3e2d1c0";
    private static final String TAGGED_COMMIT = "0c8adeaf4a96e48d1b26e9f574fd2c460aaaaaaa";
    private static final String OLD = "1111111111111111111111111111111111111111";

    private WireMockServer github;

    @TempDir Path project;

    @BeforeEach
    void start() {
        github =
                new WireMockServer(
                        WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
        // A lightweight tag: the ref points straight at a commit.
        stub(
                "/repos/acme/tool/git/ref/tags/v1.0.0",
                200,
                ref("acme/tool", "v1.0.0", COMMIT, "commit"));
        // An annotated tag: the ref points at a tag object, which points at the commit.
        stub(
                "/repos/acme/tool/git/ref/tags/v2.0.0",
                200,
                ref("acme/tool", "v2.0.0", TAG_OBJECT, "tag"));
        stub(
                "/repos/acme/tool/git/tags/" + TAG_OBJECT,
                200,
                """
                {
                  "node_id": "MDM6VGFnOTQwYmQzMzYyNDhlZmFlMGY5ZWU1YmM3YjJkNWM5ODU4ODdiMTZhYw==",
                  "tag": "v2.0.0",
                  "sha": "%s",
                  "url": "https://api.github.com/repos/acme/tool/git/tags/%s",
                  "message": "v2.0.0\\n",
                  "tagger": {"name": "Release Bot", "email": "bot@example.com", "date": "2026-01-02T03:04:05Z"},
                  "object": {
                    "type": "commit",
                    "sha": "%s",
                    "url": "https://api.github.com/repos/acme/tool/git/commits/%s"
                  },
                  "verification": {"verified": false, "reason": "unsigned", "signature": null, "payload": null}
                }
                """
                        .formatted(TAG_OBJECT, TAG_OBJECT, TAGGED_COMMIT, TAGGED_COMMIT));
        stub(
                "/repos/acme/tool/git/ref/tags/v9.9.9",
                404,
                "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest/git/refs#get-a-reference\"}");
        stub("/repos/acme/broken/git/ref/tags/v1", 500, "{\"message\":\"Server Error\"}");
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    private void stub(String url, int status, String body) {
        github.stubFor(
                get(urlEqualTo(url))
                        .willReturn(
                                aResponse()
                                        .withStatus(status)
                                        .withHeader(
                                                "Content-Type", "application/json; charset=utf-8")
                                        .withBody(body)));
    }

    private static String ref(String repo, String tag, String sha, String type) {
        return """
                {
                  "ref": "refs/tags/%s",
                  "node_id": "MDM6UmVmMjA2ODg4MjAxOm1hc3Rlcg==",
                  "url": "https://api.github.com/repos/%s/git/refs/tags/%s",
                  "object": {
                    "sha": "%s",
                    "type": "%s",
                    "url": "https://api.github.com/repos/%s/git/%ss/%s"
                  }
                }
                """
                .formatted(tag, repo, tag, sha, type, repo, type, sha);
    }

    private CliRun pin(String... args) {
        List<String> all =
                new ArrayList<>(
                        List.of(
                                "pin",
                                "--root",
                                project.toString(),
                                "--api-url",
                                github.baseUrl()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private String lockText() throws IOException {
        return Files.readString(project.resolve(ActionLock.PROJECT_LOCK), StandardCharsets.UTF_8);
    }

    @Test
    void lightweightTagResolvesToItsCommit() throws IOException {
        CliRun run = pin("acme/tool@v1.0.0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("acme/tool@v1.0.0: " + COMMIT + " (added)\n");
        assertThat(lockText()).endsWith("\nacme/tool@v1.0.0: " + COMMIT + "\n").startsWith("# ");
        github.verify(getRequestedFor(urlEqualTo("/repos/acme/tool/git/ref/tags/v1.0.0")));
    }

    @Test
    void annotatedTagIsPeeledToTheCommit() throws IOException {
        CliRun run = pin("acme/tool/sub/path@v2.0.0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lockText())
                .contains("acme/tool@v2.0.0: " + TAGGED_COMMIT + "\n")
                .doesNotContain(TAG_OBJECT);
        github.verify(getRequestedFor(urlEqualTo("/repos/acme/tool/git/tags/" + TAG_OBJECT)));
    }

    @Test
    void withoutArgumentsEveryEntryIsReResolvedAndTheLockStaysSorted() throws IOException {
        Files.createDirectories(project.resolve(".github"));
        Files.writeString(
                project.resolve(ActionLock.PROJECT_LOCK),
                "acme/tool@v2.0.0: " + OLD + "\nacme/tool@v1.0.0: " + COMMIT + "\n");
        CliRun run = pin();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        "acme/tool@v1.0.0: "
                                + COMMIT
                                + " (unchanged)\n"
                                + "acme/tool@v2.0.0: "
                                + TAGGED_COMMIT
                                + " (was "
                                + OLD
                                + ")\n");
        assertThat(lockText())
                .endsWith(
                        "acme/tool@v1.0.0: "
                                + COMMIT
                                + "\nacme/tool@v2.0.0: "
                                + TAGGED_COMMIT
                                + "\n");
        try (var files = Files.list(project.resolve(".github"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly("pipewright.lock.yml");
        }
    }

    @Test
    void unknownTagExitsTwoAndWritesNothing() {
        CliRun run = pin("acme/tool@v1.0.0", "acme/tool@v9.9.9");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "pipewright: no tag v9.9.9 in acme/tool (GitHub answered 404 for"
                                + " /repos/acme/tool/git/ref/tags/v9.9.9); check the tag on the repository's releases page;"
                                + " nothing written");
        assertThat(project.resolve(ActionLock.PROJECT_LOCK)).doesNotExist();
    }

    @Test
    void serverErrorExitsThree() {
        CliRun run = pin("acme/broken@v1");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err())
                .contains("GitHub answered 500 for /repos/acme/broken/git/ref/tags/v1");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(pin("not-an-action").exitCode()).isEqualTo(2);
        CliRun empty = pin();
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("has no entries to re-resolve");
    }

    @Test
    void aNonHttpApiUrlIsAUsageErrorAndARefusedConnectionSaysSo() throws IOException {
        for (String url : List.of("notaurl", "ftp://127.0.0.1/")) {
            CliRun run =
                    CliRun.of(
                            "pin",
                            "--root",
                            project.toString(),
                            "--api-url",
                            url,
                            "actions/checkout@v4");
            assertThat(run.exitCode()).as(url).isEqualTo(2);
            assertThat(run.err()).contains("--api-url: '" + url + "' is not an http(s) URL");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun refused =
                CliRun.of(
                        "pin",
                        "--root",
                        project.toString(),
                        "--api-url",
                        "http://127.0.0.1:" + port,
                        "actions/checkout@v4");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err())
                .contains("cannot reach http://127.0.0.1:" + port + ": connection refused")
                .doesNotContain("null");
    }

    @Test
    void invalidJsonFromTheApiIsOneLineWithoutParserInternals() {
        stub("/repos/acme/broken/git/ref/tags/v1.0.0", 200, "{\"ref\":");
        CliRun run = pin("acme/broken@v1.0.0");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err())
                .contains("with malformed JSON at 1:8: Unexpected end-of-input")
                .doesNotContain("[Source:")
                .doesNotContain("start marker");
    }

    @Test
    void explicitLockFile() throws IOException {
        Path lock = project.resolve("catalog/actions.lock");
        CliRun run =
                CliRun.of(
                        "pin",
                        "--lock",
                        lock.toString(),
                        "--api-url",
                        github.baseUrl(),
                        "acme/tool@v1.0.0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(lock)).contains("acme/tool@v1.0.0: " + COMMIT);
    }

    @Test
    void gitLsRemotePeelsAnnotatedTags(@TempDir Path remotes) throws Exception {
        Path repo = remotes.resolve("acme/tool");
        Files.createDirectories(repo);
        assumeTrue(git(repo, "init", "-q") == 0, "git is not available");
        Files.writeString(repo.resolve("action.yml"), "name: tool\n");
        git(repo, "add", "action.yml");
        git(repo, "commit", "-q", "-m", "first");
        git(repo, "tag", "v1.0.0");
        Files.writeString(repo.resolve("action.yml"), "name: tool 2\n");
        git(repo, "commit", "-q", "-am", "second");
        git(repo, "tag", "-a", "v2.0.0", "-m", "release 2");
        String first = gitOut(repo, "rev-parse", "v1.0.0^{commit}");
        String second = gitOut(repo, "rev-parse", "v2.0.0^{commit}");
        String tagObject = gitOut(repo, "rev-parse", "v2.0.0");
        assertThat(tagObject).isNotEqualTo(second);

        CliRun run =
                CliRun.of(
                        "pin",
                        "--root",
                        project.toString(),
                        "--git",
                        "--git-url",
                        remotes.toUri().toString(),
                        "acme/tool@v1.0.0",
                        "acme/tool@v2.0.0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lockText())
                .contains(
                        "acme/tool@v1.0.0: " + first + "\n", "acme/tool@v2.0.0: " + second + "\n");

        CliRun missing =
                CliRun.of(
                        "pin",
                        "--root",
                        project.toString(),
                        "--git",
                        "--git-url",
                        remotes.toUri().toString(),
                        "acme/tool@v3.0.0");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no tag v3.0.0 in acme/tool");
    }

    private static int git(Path dir, String... args) throws Exception {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                "git",
                                "-c",
                                "user.name=Test",
                                "-c",
                                "user.email=test@example.com",
                                "-c",
                                "commit.gpgsign=false",
                                "-c",
                                "tag.gpgsign=false",
                                "-c",
                                "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return -1;
        }
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static String gitOut(Path dir, String... args) throws Exception {
        Process p = new ProcessBuilder(concat(args)).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static List<String> concat(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
