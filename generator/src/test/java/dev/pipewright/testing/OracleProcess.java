package dev.pipewright.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one external command with a time limit and returns its stdout, failing with its stderr. */
final class OracleProcess {
    private OracleProcess() {}

    static String run(Path dir, Duration timeout, List<String> command) {
        Path out = null;
        Path err = null;
        try {
            // files rather than pipes: nothing to drain concurrently, and no deadlock on big
            // outputs
            out = Files.createTempFile("oracle-", ".out");
            err = Files.createTempFile("oracle-", ".err");
            Process process =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(
                        String.join(" ", command)
                                + " timed out after "
                                + timeout.toSeconds()
                                + " s; stderr:\n"
                                + read(err));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command)
                                + " failed with exit code "
                                + process.exitValue()
                                + "; stderr:\n"
                                + read(err)
                                + "\nstdout:\n"
                                + tail(read(out)));
            }
            return read(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while running " + String.join(" ", command), e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
