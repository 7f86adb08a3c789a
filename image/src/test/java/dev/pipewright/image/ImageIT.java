package dev.pipewright.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The action image as GitHub's runner uses it: loaded into podman, started with the workspace at
 * {@code /github/workspace}, the file commands under {@code /github/file_commands}, {@code INPUT_*}
 * and {@code GITHUB_*} variables and the action id as the only argument; plus its size and
 * reproducibility.
 */
class ImageIT {
    private static final Path TARGET = Path.of(System.getProperty("image.dir", "target"));
    private static final Path IMAGE = TARGET.resolve("image.tar");
    private static final String REF = "ghcr.io/pipewright/pipewright-actions:0.1.0-SNAPSHOT";
    private static Path podmanDir;

    @BeforeAll
    static void loadIntoPodman() throws Exception {
        if (!Files.isRegularFile(IMAGE) || !onPath("podman")) {
            return;
        }
        podmanDir = Files.createTempDirectory("pipewright-podman");
        // Podman's defaults fail on these machines (RLIMIT_NOFILE, crun and hybrid cgroups): see
        // containers.md.
        Files.writeString(
                podmanDir.resolve("containers.conf"),
                """
                [containers]
                default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
                [engine]
                runtime = "runc"
                cgroup_manager = "cgroupfs"
                events_logger = "file"
                """);
        Result load = podman("load", "-i", IMAGE.toString());
        assertThat(load.exit()).as("podman load: %s", load.output()).isZero();
    }

    @AfterAll
    static void removeStore() throws Exception {
        if (podmanDir != null) {
            podman("system", "reset", "--force");
            try (Stream<Path> s = Files.walk(podmanDir)) {
                s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void assumeImage() throws IOException {
        Path skipped = TARGET.resolve("image-skipped.txt");
        assumeTrue(
                Files.isRegularFile(IMAGE),
                () ->
                        "action image not built, image test skipped: "
                                + (Files.exists(skipped)
                                        ? readQuietly(skipped).strip()
                                        : IMAGE + " is missing (run mvn verify in image/)"));
    }

    @Test
    void coverageGateRunsLikeOnTheRunner() throws Exception {
        assumeImage();
        assumeTrue(
                podmanDir != null,
                "podman is not installed, image test skipped (apt-get install podman runc "
                        + "uidmap fuse-overlayfs; .ci/run does)");
        Path gh = Files.createTempDirectory("pipewright-runner");
        Path workspace = Files.createDirectories(gh.resolve("workspace"));
        Path fileCommands = Files.createDirectories(gh.resolve("file_commands"));
        Path workflow = Files.createDirectories(gh.resolve("workflow"));
        Files.copy(
                Path.of(System.getProperty("pipewright.root", ".."))
                        .resolve(
                                "cli/src/test/resources/coverage-samples/cover.coverpkg.count.out"),
                workspace.resolve("coverage.out"));
        Files.writeString(workflow.resolve("event.json"), "{}");
        Path output = Files.writeString(fileCommands.resolve("set_output_1"), "");
        Path summary = Files.writeString(fileCommands.resolve("step_summary_1"), "");

        Result run =
                podman(
                        "run",
                        "--rm",
                        "--network=none",
                        "--workdir",
                        "/github/workspace",
                        "-v",
                        workspace + ":/github/workspace",
                        "-v",
                        fileCommands + ":/github/file_commands",
                        "-v",
                        workflow + ":/github/workflow",
                        "-e",
                        "INPUT_FILES=coverage.out",
                        "-e",
                        "INPUT_MIN=80",
                        "-e",
                        "INPUT_FORMAT=auto",
                        "-e",
                        "INPUT_MAX-ANNOTATIONS=10",
                        "-e",
                        "GITHUB_ACTIONS=true",
                        "-e",
                        "CI=true",
                        "-e",
                        "GITHUB_WORKSPACE=/github/workspace",
                        "-e",
                        "GITHUB_OUTPUT=/github/file_commands/set_output_1",
                        "-e",
                        "GITHUB_STEP_SUMMARY=/github/file_commands/step_summary_1",
                        "-e",
                        "GITHUB_EVENT_PATH=/github/workflow/event.json",
                        "-e",
                        "GITHUB_EVENT_NAME=push",
                        "-e",
                        "GITHUB_REPOSITORY=octo/demo",
                        "-e",
                        "GITHUB_SHA=0123456789abcdef0123456789abcdef01234567",
                        "-e",
                        "GITHUB_REF=refs/heads/main",
                        "-e",
                        "RUNNER_TEMP=/github/workspace/.runner_temp",
                        REF,
                        "coverage-gate");

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("::error::coverage-gate: coverage 68.8%25 is below the minimum 80%25");
        String outputs = Files.readString(output);
        assertThat(heredoc(outputs, "coverage")).isEqualTo("68.8");
        assertThat(heredoc(outputs, "passed")).isEqualTo("false");
        assertThat(heredoc(outputs, "branch-coverage")).isEmpty();
        assertThat(heredoc(outputs, "report"))
                .isEqualTo("/github/workspace/.runner_temp/coverage-gate.json");
        assertThat(workspace.resolve(".runner_temp/coverage-gate.json"))
                .content()
                .contains("\"coverage\" : 68.8");
        assertThat(Files.readString(summary))
                .contains("### ❌ Coverage 68.8%", "| statements | 68.8% (11 of 16) |");
    }

    /**
     * The image runs github-api from its own jar in the dependency layer; that jar's manifest
     * (Multi-Release) decides whether its java.net.http connector (the only one that can send
     * PATCH) runs. release-notes updating an existing release, against a stub of GitHub's API on
     * the host's loopback serving hub4j's recorded responses, proves it does inside the image too.
     */
    @Test
    void releaseNotesUpdateAnExistingReleaseWithPatch() throws Exception {
        assumeImage();
        assumeTrue(podmanDir != null, "podman is not installed, image test skipped");
        assumeTrue(onPath("git"), "git is not installed, image test skipped");
        Path recordings =
                Path.of(System.getProperty("pipewright.root", ".."))
                        .resolve("cli/src/test/resources/github-api");
        String repo = "/repos/hub4j-test-org/github-api";
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext(
                "/",
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    requests.add(exchange.getRequestMethod() + " " + path);
                    exchange.getRequestBody().readAllBytes();
                    String file =
                            switch (exchange.getRequestMethod() + " " + path) {
                                case "GET " + "/repos/hub4j-test-org/github-api" ->
                                        "3-r_h_github-api.json";
                                case "GET /repos/hub4j-test-org/github-api/releases/tags/v1.1.0",
                                        "PATCH /repos/hub4j-test-org/github-api/releases/44460162" ->
                                        "3-r_h_t_releases_44460162.json";
                                default -> null;
                            };
                    byte[] body =
                            (file == null
                                            ? "{\"message\":\"Not Found\"}"
                                            : Files.readString(recordings.resolve(file))
                                                    .replace("https://api.github.com", base)
                                                    .replace("testCreateSimpleRelease", "v1.1.0"))
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .add("Content-Type", "application/json; charset=utf-8");
                    exchange.sendResponseHeaders(file == null ? 404 : 200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
        try {
            Path gh = Files.createTempDirectory("pipewright-runner");
            Path workspace = Files.createDirectories(gh.resolve("workspace"));
            Path fileCommands = Files.createDirectories(gh.resolve("file_commands"));
            git(workspace, "init", "-q", "-b", "main");
            commit(workspace, "feat: a");
            git(workspace, "tag", "v1.0.0");
            commit(workspace, "feat(ui): dark mode");
            Files.writeString(fileCommands.resolve("set_output_1"), "");

            Result run =
                    podman(
                            "run",
                            "--rm",
                            "--network=host",
                            "--workdir",
                            "/github/workspace",
                            "-v",
                            workspace + ":/github/workspace",
                            "-v",
                            fileCommands + ":/github/file_commands",
                            "-e",
                            "INPUT_GITHUB-RELEASE=true",
                            "-e",
                            "INPUT_GITHUB-TOKEN=ghs_secret",
                            "-e",
                            "INPUT_OUTPUT-DIR=out",
                            "-e",
                            "GITHUB_ACTIONS=true",
                            "-e",
                            "CI=true",
                            "-e",
                            "GITHUB_WORKSPACE=/github/workspace",
                            "-e",
                            "GITHUB_OUTPUT=/github/file_commands/set_output_1",
                            "-e",
                            "GITHUB_API_URL=" + base,
                            "-e",
                            "GITHUB_REPOSITORY=hub4j-test-org/github-api",
                            "-e",
                            "GITHUB_EVENT_NAME=workflow_dispatch",
                            "-e",
                            "GITHUB_REF=refs/heads/main",
                            REF,
                            "release-notes");

            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output()).contains("GitHub release v1.1.0 updated");
            assertThat(requests)
                    .as(run.output())
                    .contains("PATCH " + repo + "/releases/44460162")
                    .noneMatch(r -> r.startsWith("POST "));
        } finally {
            server.stop(0);
        }
    }

    private static void commit(Path dir, String message) throws Exception {
        Files.writeString(dir.resolve("file.txt"), message + "\n");
        git(dir, "add", "file.txt");
        git(
                dir,
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "commit",
                "-q",
                "-m",
                message);
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Result r = exec(cmd);
        assertThat(r.exit()).as("git %s: %s", String.join(" ", args), r.output()).isZero();
    }

    @Test
    void twoBuildsGiveTheSameDigest() throws Exception {
        assumeImage();
        String digest = Files.readString(TARGET.resolve("image.digest")).strip();
        assertThat(digest).startsWith("sha256:");
        assertThat(Files.readString(TARGET.resolve("image-rebuild.digest")).strip())
                .as("image rebuilt with an independently trained AOT cache")
                .isEqualTo(digest);
    }

    /**
     * One layer per rate of change, most stable first (docs/publishing-actions.md): a release that
     * changes only our code leaves the first two layers, all but a few megabytes of the image,
     * where the runner's cache already has them.
     */
    @Test
    void layersAreRuntimeDependenciesClassesAndAotCacheInThatOrder() throws Exception {
        assumeImage();
        List<String> layers = ours(IMAGE);
        List<String> runtime = files(IMAGE, layers.get(0));
        assertThat(runtime)
                .as("runtime layer")
                .contains("opt/java/bin/java", "opt/java/lib/modules", "etc/passwd")
                .noneMatch(f -> f.startsWith("app/"));
        List<String> dependencies = files(IMAGE, layers.get(1));
        assertThat(dependencies)
                .as("dependency layer")
                .isNotEmpty()
                .allMatch(f -> f.matches("app/lib/[^/]+\\.jar"))
                .anyMatch(f -> f.startsWith("app/lib/jackson-databind-"))
                .anyMatch(f -> f.startsWith("app/lib/github-api-"))
                .noneMatch(f -> f.startsWith("app/lib/pipewright-"));
        List<String> classes = files(IMAGE, layers.get(2));
        assertThat(classes)
                .as("classes layer")
                .contains("app/classpath")
                .anyMatch(f -> f.matches("app/pipewright/pipewright-actions-.*\\.jar"))
                .allMatch(
                        f ->
                                f.equals("app/classpath")
                                        || f.matches("app/pipewright/pipewright-[a-z]+-.*\\.jar"))
                // the build side (workflow model, stacks, bundled pipelines) and the CLI are no
                // action's to run
                .noneMatch(
                        f ->
                                f.matches(
                                        "app/pipewright/pipewright-(generator|stacks|examples|cli)-.*"));
        assertThat(files(IMAGE, layers.get(3)))
                .as("AOT cache layer")
                .containsExactly("app/pipewright.aot");
    }

    /**
     * The AOT cache records the class path it was trained with, jar by jar; with -XX:AOTMode=on the
     * JVM refuses to start rather than silently run without it. So this run proves the cache in the
     * last layer matches the jars of the two before it and the argument file, and that the classes
     * of a gate come from the cache.
     */
    @Test
    void theAotCacheMatchesTheLayeredClassPath() throws Exception {
        assumeImage();
        assumeTrue(podmanDir != null, "podman is not installed, image test skipped");
        Result run =
                podman(
                        "run",
                        "--rm",
                        "--network=none",
                        "--entrypoint",
                        "/opt/java/bin/java",
                        "-e",
                        "INPUT_FILES=missing.out",
                        "-e",
                        "INPUT_MIN=80",
                        REF,
                        "-XX:AOTCache=/app/pipewright.aot",
                        "-XX:AOTMode=on",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:-UsePerfData",
                        "-Xlog:class+load",
                        "@/app/classpath",
                        "dev.pipewright.action.Entrypoint",
                        "coverage-gate");
        assertThat(run.output())
                .as(run.output())
                .contains("dev.pipewright.action.Entrypoint source: shared objects file");
        long shared =
                run.output().lines().filter(l -> l.endsWith("source: shared objects file")).count();
        long fromJars = run.output().lines().filter(l -> l.contains("source: file:/app/")).count();
        assertThat(shared).as("classes from the AOT cache").isGreaterThan(1000);
        assertThat(fromJars).as("classes read from the jars").isLessThan(shared / 20);
    }

    @Test
    void aChangeToOurClassesKeepsTheRuntimeAndDependencyLayers() throws Exception {
        assumeImage();
        Path changed = TARGET.resolve("image-changed.tar");
        assumeTrue(
                Files.isRegularFile(changed),
                changed + " is missing (built by the changed-classes execution)");
        List<String> release = ours(IMAGE);
        List<String> next = ours(changed);
        assertThat(next.get(0)).as("runtime layer").isEqualTo(release.get(0));
        assertThat(next.get(1)).as("dependency layer").isEqualTo(release.get(1));
        assertThat(next.get(2))
                .as("classes layer, one class added to the actions' jar")
                .isNotEqualTo(release.get(2));
    }

    @Test
    void compressedImageIsAtMostSixtyMegabytes() throws Exception {
        // The image runs the action runtime's jars, not the CLI's: no generator, stacks, editor
        // server (lsp4j, gson)
        // or picocli, which no action uses (about 58.8 MB when the runtime left the generator
        // behind).
        assumeImage();
        Path manifest = blob(IMAGE, digestOfManifest(IMAGE));
        long compressed = 0;
        Matcher m =
                Pattern.compile("\"size\"\\s*:\\s*(\\d+)")
                        .matcher(manifest == null ? "" : Files.readString(manifest));
        while (m.find()) {
            compressed += Long.parseLong(m.group(1));
        }
        assertThat(compressed)
                .as("config + gzip'd layers, bytes")
                .isPositive()
                .isLessThanOrEqualTo(60L * 1000 * 1000);
    }

    /**
     * Our four layers of an image, base first: Jib always adds a first layer of its own, two files
     * naming the class path and main class it would have used ({@code /app/jib-*-file}, a few
     * hundred bytes that never change); the entrypoint does not read them.
     */
    private static List<String> ours(Path image) throws Exception {
        List<String> layers = layers(image);
        assertThat(layers).as("layer digests of %s", image).hasSize(5);
        assertThat(files(image, layers.get(0)))
                .as("Jib's layer")
                .containsExactly("app/jib-classpath-file", "app/jib-main-class-file");
        return layers.subList(1, 5);
    }

    /** The layer digests (hex) of an OCI tarball's manifest, base first. */
    private static List<String> layers(Path image) throws Exception {
        String manifest = Files.readString(blob(image, digestOfManifest(image)));
        int at = manifest.indexOf("\"layers\"");
        assertThat(at).as("manifest of %s: %s", image, manifest).isNotNegative();
        List<String> digests = new ArrayList<>();
        Matcher m = Pattern.compile("sha256:([0-9a-f]{64})").matcher(manifest.substring(at));
        while (m.find()) {
            digests.add(m.group(1));
        }
        return digests;
    }

    /** The regular files of one gzip'd layer, without a leading slash, in tar order. */
    private static List<String> files(Path image, String layer) throws Exception {
        Result r = exec(List.of("tar", "-tvzf", blob(image, layer).toString()));
        assertThat(r.exit()).as(r.output()).isZero();
        List<String> files = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            if (line.startsWith("-")) {
                files.add(line.substring(line.lastIndexOf(' ') + 1).replaceFirst("^\\.?/", ""));
            }
        }
        return files;
    }

    /** Extracts one blob of an OCI tarball into a temporary directory. */
    private static Path blob(Path image, String digest) throws Exception {
        Path out = Files.createTempDirectory("pipewright-oci");
        Result r =
                exec(
                        List.of(
                                "tar",
                                "-xf",
                                image.toString(),
                                "-C",
                                out.toString(),
                                "blobs/sha256/" + digest));
        assertThat(r.exit()).as(r.output()).isZero();
        return out.resolve("blobs/sha256/" + digest);
    }

    private static String digestOfManifest(Path image) throws Exception {
        Result r = exec(List.of("tar", "-xOf", image.toString(), "index.json"));
        Matcher m =
                Pattern.compile("\"digest\"\\s*:\\s*\"sha256:([0-9a-f]{64})\"").matcher(r.output());
        assertThat(m.find()).as("index.json: %s", r.output()).isTrue();
        return m.group(1);
    }

    /** The value of {@code name<<DELIM … DELIM} in a GITHUB_OUTPUT file. */
    private static String heredoc(String file, String name) {
        Matcher m =
                Pattern.compile(
                                "(?m)^" + Pattern.quote(name) + "<<(\\S+)\n(.*?)\n?\\1$",
                                Pattern.DOTALL)
                        .matcher(file);
        assertThat(m.find()).as("output %s in %s", name, file).isTrue();
        return m.group(2);
    }

    record Result(int exit, String output) {}

    private static Result podman(String... args) throws Exception {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                "podman",
                                "--storage-driver=overlay",
                                "--root",
                                podmanDir.resolve("root").toString(),
                                "--runroot",
                                podmanDir.resolve("run").toString(),
                                "--tmpdir",
                                podmanDir.resolve("tmp").toString()));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    private static Result exec(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (podmanDir != null) {
            pb.environment()
                    .put("CONTAINERS_CONF", podmanDir.resolve("containers.conf").toString());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return p.toString();
        }
    }
}
