package dev.pipewright.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each action run through the image's entrypoint in a working directory, with no GITHUB_* or
 * RUNNER_* variable (not on a runner): the files in that directory afterwards are the ones before
 * plus exactly those an input asked for. A report (health-report.json, a SARIF file, coverage JSON,
 * release notes, promotion patch) is written only where asked; the step summary is not printed.
 */
class NoFilesUnlessAskedTest {
    @TempDir Path cwd;

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/healthz",
                ex -> {
                    ex.sendResponseHeaders(200, -1);
                    ex.close();
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private record Run(int exit, String out, String err, Set<String> added) {}

    private Run run(String action, Map<String, String> inputs) throws IOException {
        Set<String> before = files();
        Map<String, String> env = new HashMap<>();
        inputs.forEach((k, v) -> env.put("INPUT_" + k.toUpperCase(Locale.ROOT), v));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                Entrypoint.run(
                        new String[] {action},
                        env,
                        cwd,
                        new PrintWriter(out, true),
                        new PrintWriter(err, true));
        Set<String> added = files();
        added.removeAll(before);
        return new Run(exit, out.toString(), err.toString(), added);
    }

    private Set<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(cwd)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> cwd.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void negativeHealthGateWritesNoReport() throws IOException {
        Run r =
                run(
                        "health-gate",
                        Map.of(
                                "url",
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/healthz"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.added()).isEmpty();
        assertThat(r.out()).contains("report=\n");
        assertThat(r.err()).doesNotContain("Healthy");
    }

    @Test
    void positiveHealthGateWritesTheReportWhereAsked() throws IOException {
        Run r =
                run(
                        "health-gate",
                        Map.of(
                                "url",
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/healthz",
                                "output-dir",
                                "reports"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.added()).containsExactly("reports/health-report.json");
    }

    @Test
    void negativeLintWritesNoSarifUnlessAsked() throws IOException {
        Files.createDirectories(cwd.resolve(".github/workflows"));
        Files.writeString(
                cwd.resolve(".github/workflows/ci.yml"),
                """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-24.04
                    steps:
                      - run: echo ${{ github.event.head_commit.message }}
                """);
        Run r = run("lint", Map.of());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(r.added()).isEmpty();
        assertThat(r.out()).contains("sarif-file=\n");
        assertThat(run("lint", Map.of("sarif-file", "lint.sarif")).added())
                .containsExactly("lint.sarif");
    }

    @Test
    void negativeCoverageGateWritesNoReport() throws IOException {
        Files.writeString(
                cwd.resolve("lcov.info"), "TN:\nSF:main.go\nDA:1,1\nDA:2,0\nend_of_record\n");
        Run r = run("coverage-gate", Map.of("files", "lcov.info", "min", "10"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.added()).isEmpty();
    }

    @Test
    void negativeReleaseNotesWritesNoNotesUnlessAsked() throws Exception {
        try (Git git = Git.init().setDirectory(cwd.toFile()).setInitialBranch("main").call()) {
            Files.writeString(cwd.resolve("README.md"), "x\n");
            git.add().addFilepattern("README.md").call();
            PersonIdent who = new PersonIdent("A", "a@example.com");
            git.commit()
                    .setMessage("feat: first")
                    .setAuthor(who)
                    .setCommitter(who)
                    .setSign(false)
                    .call();
        }
        Run r = run("release-notes", Map.of());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.added()).isEmpty();
        assertThat(r.out()).contains("notes-file=\n");
        assertThat(r.err()).doesNotContain("## Release notes");
        assertThat(run("release-notes", Map.of("output-dir", "notes")).added())
                .containsExactly("notes/CHANGELOG-0.1.0.md", "notes/RELEASE-NOTES-0.1.0.md");
    }

    /**
     * Products (checksum files, SBOMs, keys) are what these actions are for: they go exactly where
     * asked.
     */
    @Test
    void positiveProductsGoWhereAsked() throws IOException {
        Files.writeString(cwd.resolve("app.bin"), "binary\n");
        assertThat(
                        run("checksums", Map.of("files", "app.bin", "output", "dist/SHA256SUMS"))
                                .added())
                .containsExactly("dist/SHA256SUMS");
        Files.writeString(cwd.resolve("go.mod"), "module example.com/app\n\ngo 1.22\n");
        assertThat(run("sbom", Map.of("path", ".", "output", "dist/app.spdx.json")).added())
                .containsExactly("dist/app.spdx.json");
        Run keys = run("sign-keygen", Map.of("output-dir", "keys", "password", "correct horse"));
        assertThat(keys.exit()).as(keys.err()).isZero();
        assertThat(keys.added())
                .isEqualTo(new TreeSet<>(List.of("keys/cosign.key", "keys/cosign.pub")));
    }
}
