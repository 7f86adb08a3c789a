package dev.pipewright.action.sign;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipewright.action.TestData;
import dev.pipewright.testing.SharedData;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * sigstore-js ({@code @sigstore/verify}) as an independent bundle verifier: installed once with
 * {@code npm ci} from {@code src/test/resources/sigstore-oracle} into {@code
 * <repo>/.oracles/sigstore/}; tests skip without node/npm.
 */
final class SigstoreOracle {
    private static final List<String> FILES =
            List.of("package.json", "package-lock.json", "verify.mjs");
    private static Path home;

    private SigstoreOracle() {}

    /** {@code VERIFIED} or {@code FAILED <code>: <message>}. */
    static String verify(Path bundle, String... options) {
        List<String> cmd =
                new ArrayList<>(List.of("node", "verify.mjs", bundle.toAbsolutePath().toString()));
        cmd.addAll(Arrays.asList(options));
        return run(home(), cmd, 120).strip();
    }

    static synchronized Path home() {
        if (home != null) {
            return home;
        }
        assumeTrue(
                onPath("node") && onPath("npm"),
                "skipped: node and npm are needed for the sigstore-js oracle");
        Path root = SharedData.repoRoot().orElseThrow();
        Path dir = root.resolve(".oracles/sigstore");
        try {
            Files.createDirectories(dir);
            try (FileChannel ch =
                    FileChannel.open(
                            dir.resolve(".install.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE)) {
                FileLock lock = ch.lock();
                try {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    for (String f : FILES) {
                        byte[] content =
                                Files.readAllBytes(TestData.resource("sigstore-oracle/" + f));
                        md.update(content);
                        Path target = dir.resolve(f);
                        if (!Files.exists(target)
                                || !Arrays.equals(Files.readAllBytes(target), content)) {
                            Path tmp = dir.resolve("." + f + ".tmp");
                            Files.write(tmp, content);
                            Files.move(
                                    tmp,
                                    target,
                                    StandardCopyOption.REPLACE_EXISTING,
                                    StandardCopyOption.ATOMIC_MOVE);
                        }
                    }
                    String stamp = HexFormat.of().formatHex(md.digest());
                    Path stampFile = dir.resolve(".installed.sha256");
                    if (!Files.isDirectory(dir.resolve("node_modules"))
                            || !Files.exists(stampFile)
                            || !Files.readString(stampFile).strip().equals(stamp)) {
                        run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
                        Files.writeString(stampFile, stamp + "\n");
                    }
                } finally {
                    lock.release();
                }
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(
                    "could not install the sigstore-js oracle into " + dir, e);
        }
        home = dir;
        return dir;
    }

    private static String run(Path dir, List<String> cmd, int seconds) {
        try {
            Path out = Files.createTempFile("sigstore-oracle", ".out");
            try {
                Process p =
                        new ProcessBuilder(cmd)
                                .directory(dir.toFile())
                                .redirectErrorStream(true)
                                .redirectOutput(out.toFile())
                                .start();
                p.getOutputStream().close();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", cmd) + " timed out");
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(
                            String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
