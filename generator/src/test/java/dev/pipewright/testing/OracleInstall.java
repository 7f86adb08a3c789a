package dev.pipewright.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Installs the oracle packages once into {@code <repo root>/.oracles/}: the scripts are copied
 * there and {@code npm ci} runs only when node_modules is missing or the lock file changed.
 */
final class OracleInstall {
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);
    private static final String STAMP = ".installed-lock.sha256";
    // scripts of our own, shipped in this module's test resources (and so in its test-jar)
    private static final List<String> OWN_SCRIPTS =
            List.of("expressions.mjs", "workflow-parser-preview.mjs");

    private static Path home;

    private OracleInstall() {}

    /** The installed oracle directory; skips the calling test when the oracles cannot be had. */
    static synchronized Path home() {
        if (home != null) {
            return home;
        }
        Oracles.assumeTools();
        Path source = SharedData.require("oracles");
        assumeTrue(
                Files.isRegularFile(source.resolve("package-lock.json")),
                () -> "skipped: " + source + " has no package-lock.json");
        Path root = SharedData.repoRoot().orElseThrow();
        Path dir = root.resolve(".oracles");
        try {
            Files.createDirectories(dir);
            // several module builds may run at once (mvn -T); the OS file lock serialises installs
            // across JVMs, the synchronized method within this one
            try (FileChannel channel =
                    FileChannel.open(
                            dir.resolve(".install.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    install(source, dir);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not install the oracles into " + dir, e);
        }
        home = dir;
        return dir;
    }

    private static void install(Path source, Path dir) throws IOException {
        copyScripts(source, dir);
        String stamp = sha256(source.resolve("package-lock.json"), source.resolve("package.json"));
        Path stampFile = dir.resolve(STAMP);
        boolean current =
                Files.isDirectory(dir.resolve("node_modules"))
                        && Files.isRegularFile(stampFile)
                        && Files.readString(stampFile).strip().equals(stamp);
        if (!current) {
            Files.deleteIfExists(stampFile);
            OracleProcess.run(dir, NPM_TIMEOUT, List.of(npm(), "ci", "--no-audit", "--no-fund"));
            Files.writeString(stampFile, stamp + "\n");
        }
    }

    private static void copyScripts(Path source, Path dir) throws IOException {
        copyIfChanged(
                Files.readAllBytes(source.resolve("package.json")), dir.resolve("package.json"));
        copyIfChanged(
                Files.readAllBytes(source.resolve("package-lock.json")),
                dir.resolve("package-lock.json"));
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(source, "*.mjs")) {
            for (Path script : scripts) {
                copyIfChanged(
                        Files.readAllBytes(script), dir.resolve(script.getFileName().toString()));
            }
        }
        for (String name : OWN_SCRIPTS) {
            try (InputStream in = OracleInstall.class.getResourceAsStream("/oracles/" + name)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "test resource /oracles/" + name + " is missing");
                }
                copyIfChanged(in.readAllBytes(), dir.resolve(name));
            }
        }
    }

    // rewriting an unchanged script could race with another build that is running it
    private static void copyIfChanged(byte[] content, Path target) throws IOException {
        if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
            Path tmp =
                    target.resolveSibling(
                            "."
                                    + target.getFileName()
                                    + "."
                                    + ProcessHandle.current().pid()
                                    + ".tmp");
            Files.write(tmp, content);
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String sha256(Path... files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                digest.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String npm() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows")
                ? "npm.cmd"
                : "npm";
    }
}
