package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start of a Pipewright checkout, {@code ./pipewright generate}, through the launcher and
 * the shaded jar it runs (which holds no example): the examples the launcher names beside the jar
 * generate, byte for byte, the files this repository commits, and {@code ./pipewright check} finds
 * no drift in the checkout itself.
 */
class QuickStartIT {
    @TempDir Path dir;
    private Path repo;
    private Path bin;

    @BeforeEach
    void builtCheckout() throws IOException {
        String built = System.getProperty("pipewright.jar");
        Assumptions.assumeTrue(
                built != null && Files.isRegularFile(Path.of(built)),
                "skipped: no shaded jar (runs after package, from failsafe)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: no bash");
        repo = SharedData.repoRoot().orElseThrow();
        // The jar was just packaged, so the launcher must not build; a Maven that fails says so
        // instead of a nested build.
        bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn =
                Files.writeString(
                        bin.resolve("mvn"),
                        "#!/bin/bash\necho 'QuickStartIT: the launcher found the jar stale and tried to build' >&2\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void generateWritesTheCommittedFilesByteForByte() throws Exception {
        Path root = Files.createDirectories(dir.resolve("project"));
        Run run = launcher(dir, "generate", "--examples", "--root", root.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        List<Path> written = files(root);
        assertThat(written)
                .as(run.output())
                .anyMatch(p -> p.startsWith("generated-workflows"))
                .anyMatch(p -> p.startsWith(".github/workflows"))
                .anyMatch(p -> p.toString().matches("actions/[a-z-]+/action\\.yml"));
        for (Path p : written) {
            assertThat(Files.readAllBytes(root.resolve(p)))
                    .as("%s as committed", p)
                    .isEqualTo(Files.readAllBytes(repo.resolve(p)));
        }
    }

    @Test
    void checkInTheCheckoutFindsNoDrift() throws Exception {
        Run run = launcher(repo, "check");
        assertThat(run.exit()).as(run.output()).isZero();
    }

    private record Run(int exit, String output) {}

    private Run launcher(Path workingDirectory, String... args)
            throws IOException, InterruptedException {
        List<String> cmd =
                new ArrayList<>(List.of("/bin/bash", repo.resolve("pipewright").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(cmd)
                        .directory(workingDirectory.toFile())
                        .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("PIPEWRIGHT_CACHE", "off");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(p.exitValue(), output);
    }

    /** The regular files under root, relative to it, in order. */
    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
