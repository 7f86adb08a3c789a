package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./pipewright} launcher's first build, in a checkout without {@code
 * cli/target/pipewright.jar} and with stderr not a terminal: one progress line per module as Maven
 * reaches it (not minutes of silence), and none of the colour codes Maven prints. Maven is a
 * stand-in that prints what Maven 3.8 prints, with its colour codes, and waits between two modules
 * until the test has seen the first one.
 */
class LauncherBuildTest {
    private static final String ESC = "\u001b";

    @TempDir Path dir;

    private Path root;
    private Path bin;
    private Path go;

    @BeforeEach
    void checkoutWithoutJar() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: no bash");
        root = dir.resolve("checkout");
        Files.createDirectories(root);
        Files.copy(
                SharedData.repoRoot().orElseThrow().resolve("pipewright"),
                root.resolve("pipewright"));
        bin = dir.resolve("bin");
        Files.createDirectories(bin);
        go = dir.resolve("go");
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
        executable(jdk.resolve("bin/java"), "#!/bin/bash\necho ran\n");
        Files.createDirectories(dir.resolve("tmp"));
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * A Maven that builds two modules, the second after the test created {@code go}, then ends with
     * {@code end}.
     */
    private void maven(String end) throws IOException {
        executable(
                bin.resolve("mvn"),
                """
                #!/bin/bash
                printf '\\033[0m\\033[0m'
                printf '[\\033[1;34mINFO\\033[m] Scanning for projects...\\n'
                printf '[\\033[1;34mINFO\\033[m] \\033[1mBuilding Pipewright generator 0.1.0-SNAPSHOT                 [1/2]\\033[m\\n'
                printf '[\\033[1;34mINFO\\033[m] Building jar: /x/generator/target/pipewright-generator.jar\\n'
                for i in $(seq 1 300); do [ -f "%s" ] && break; sleep 0.1; done
                printf '[\\033[1;34mINFO\\033[m] \\033[1mBuilding Pipewright CLI 0.1.0-SNAPSHOT                       [2/2]\\033[m\\n'
                %s
                """
                        .formatted(go, end));
    }

    private record Run(int exit, List<String> errLines, boolean firstModuleBeforeSecond) {}

    private Run run() throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder("/bin/bash", root.resolve("pipewright").toString(), "--version")
                        .directory(dir.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("TMPDIR", dir.resolve("tmp").toString());
        pb.environment().put("PIPEWRIGHT_CACHE", "off");
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        boolean live = false;
        try (BufferedReader err =
                new BufferedReader(
                        new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                lines.add(line);
                if (line.contains("[1/2]")) {
                    // Maven is still waiting for this file: the line came while the build ran
                    live = !Files.exists(go);
                    Files.writeString(go, "");
                }
            }
        }
        Files.writeString(go, "");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), lines, live);
    }

    @Test
    void positiveTheFirstBuildShowsEachModuleAsItStartsWithoutEscapeCodes() throws Exception {
        maven("mkdir -p cli/target && echo jar > cli/target/pipewright.jar");
        Run r = run();
        assertThat(r.exit()).as(String.join("\n", r.errLines())).isZero();
        assertThat(r.firstModuleBeforeSecond())
                .as("the first module's line appeared while Maven ran")
                .isTrue();
        assertThat(r.errLines())
                .first()
                .asString()
                .startsWith("pipewright: building the CLI (mvn ");
        assertThat(r.errLines())
                .contains(
                        "pipewright: [1/2] Pipewright generator 0.1.0-SNAPSHOT",
                        "pipewright: [2/2] Pipewright CLI 0.1.0-SNAPSHOT");
        assertThat(String.join("\n", r.errLines()))
                .doesNotContain(ESC)
                .doesNotContain("Building jar");
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).as("the build log of a good build is removed").isEmpty();
        }
    }

    @Test
    void negativeAFailedBuildShowsMavensErrorsAndKeepsItsLog() throws Exception {
        maven(
                "printf '[\\033[1;31mERROR\\033[m] Failed to execute goal on project pipewright-cli\\n'; exit 1");
        Run r = run();
        assertThat(r.exit()).isEqualTo(3);
        String err = String.join("\n", r.errLines());
        assertThat(err)
                .doesNotContain(ESC)
                .contains("[ERROR] Failed to execute goal on project pipewright-cli")
                .contains("pipewright: build failed; the full log is " + dir.resolve("tmp"));
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertThat(left)
                    .singleElement()
                    .satisfies(
                            log ->
                                    assertThat(Files.readString(log))
                                            .contains("Building Pipewright CLI")
                                            .doesNotContain(ESC));
        }
    }
}
