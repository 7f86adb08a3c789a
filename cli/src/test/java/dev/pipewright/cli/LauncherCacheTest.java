package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./pipewright} launcher's start-up cache when the JVM cannot write one: it says so
 * once, runs without a cache, and does not train again on every run until the jar changes. The JVM
 * is a stand-in script that fails every training run, as a JVM that crashes while dumping its cache
 * does.
 */
class LauncherCacheTest {
    @TempDir Path dir;

    private Path root;
    private Path jdk;
    private Path jar;
    private Path log;

    /**
     * A built checkout (a jar a minute old and the examples' classes), and a JDK 25 stand-in that
     * logs its arguments and fails every training.
     */
    @BeforeEach
    void checkoutAndStandInJvm() throws IOException {
        Path launcher = SharedData.repoRoot().orElseThrow().resolve("pipewright");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: no bash");
        root = dir.resolve("checkout");
        Files.createDirectories(root.resolve("cli/target"));
        Files.copy(launcher, root.resolve("pipewright"));
        jar = Files.writeString(root.resolve("cli/target/pipewright.jar"), "not a real jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        // the examples the launcher builds beside the jar: without them the checkout is not built
        // yet
        Path services =
                root.resolve(
                        "examples/target/classes/META-INF/services/dev.pipewright.pipeline.Pipeline");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "");
        jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        log = dir.resolve("java.log");
        Path java =
                Files.writeString(
                        jdk.resolve("bin/java"),
                        """
                #!/bin/bash
                echo "$*" >> "%s"
                for a in "$@"; do case "$a" in -XX:AOTCacheOutput=*) echo "crash" >&2; exit 134;; esac; done
                echo ran
                """
                                .formatted(log));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aFailedTrainingRunIsRememberedUntilTheJarChanges() throws Exception {
        Run first = run(root, jdk);
        Run second = run(root, jdk);
        assertThat(first.out()).isEqualTo("ran\n");
        assertThat(first.err()).contains("could not write the start-up cache");
        assertThat(second.out()).isEqualTo("ran\n");
        assertThat(second.err()).isEmpty();
        assertThat(trainings(log)).isEqualTo(1);
        assertThat(Files.readAllLines(log).get(Files.readAllLines(log).size() - 1))
                .doesNotContain("AOTCache");
        try (Stream<Path> s = Files.list(root.resolve("cli/target"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("pipewright-jdk25.aot.failed", "pipewright.jar");
        }

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        run(root, jdk);
        assertThat(trainings(log)).as("a new jar is trained again").isEqualTo(2);
    }

    /** A failed training that ends after another run wrote the cache does not hide that cache. */
    @Test
    void aCurrentCacheIsUsedWhateverAFailedTrainingLeft() throws Exception {
        Files.writeString(root.resolve("cli/target/pipewright-jdk25.aot"), "cache");
        Files.writeString(root.resolve("cli/target/pipewright-jdk25.aot.failed"), "");
        Run r = run(root, jdk);
        assertThat(r.err()).isEmpty();
        assertThat(trainings(log)).isZero();
        assertThat(Files.readAllLines(log)).singleElement().asString().contains("-XX:AOTCache=");
    }

    private record Run(String out, String err) {}

    private Run run(Path root, Path jdk) throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder("/bin/bash", root.resolve("pipewright").toString(), "--version")
                        .directory(dir.toFile());
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("TMPDIR", dir.toString());
        pb.environment().remove("PIPEWRIGHT_CACHE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isZero();
        return new Run(out, err);
    }

    private static long trainings(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.stream().filter(l -> l.contains("AOTCacheOutput")).count();
    }
}
