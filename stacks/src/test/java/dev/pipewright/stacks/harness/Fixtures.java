package dev.pipewright.stacks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fixture repositories under {@code src/test/resources/fixtures/}: copied into a fresh git checkout
 * per job.
 */
final class Fixtures {
    private Fixtures() {}

    static Path fixture(String name) {
        Path p = Path.of("src/test/resources/fixtures").resolve(name).toAbsolutePath();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("no fixture repository " + p);
        }
        return p;
    }

    /**
     * Copies {@code fixture} to {@code workspace}, makes it a git repository with one commit;
     * returns the commit.
     */
    static String checkout(Path fixture, Path workspace) throws IOException, InterruptedException {
        Files.createDirectories(workspace);
        copyTree(fixture, workspace);
        git(workspace, "init", "-q", "-b", "main");
        git(workspace, "add", "-A");
        git(
                workspace,
                "-c",
                "user.name=Fixture",
                "-c",
                "user.email=fixture@pipewright.invalid",
                "-c",
                "commit.gpgsign=false",
                "commit",
                "-q",
                "-m",
                "fixture");
        return git(workspace, "rev-parse", "HEAD").strip();
    }

    static int copyTree(Path from, Path to) throws IOException {
        int[] n = {0};
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(
                            p,
                            dest,
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                    n[0]++;
                }
            }
        }
        return n[0];
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p =
                new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new UncheckedIOException(
                    new IOException("git " + String.join(" ", args) + " failed: " + out));
        }
        return out;
    }
}
