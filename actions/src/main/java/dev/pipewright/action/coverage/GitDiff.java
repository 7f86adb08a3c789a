package dev.pipewright.action.coverage;

import dev.pipewright.action.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code git diff -U0 <base>...HEAD} in the workspace, for patch coverage without a diff file.
 */
final class GitDiff {
    private GitDiff() {}

    /** Writes the diff to a temporary file and returns it; the caller deletes it. */
    static Path diff(Path workspace, String baseRef) throws IOException, InterruptedException {
        if (baseRef.startsWith("-")) {
            throw InputException.forInput("base-ref", "'" + baseRef + "' is not a ref");
        }
        Path out = Files.createTempFile("pipewright-diff", ".patch");
        Path err = Files.createTempFile("pipewright-diff", ".err");
        try {
            // safe.directory: in a container the checkout belongs to another uid and git would
            // refuse it.
            ProcessBuilder pb =
                    new ProcessBuilder(
                                    List.of(
                                            "git",
                                            "-c",
                                            "safe.directory=*",
                                            "-C",
                                            workspace.toString(),
                                            "diff",
                                            "--no-color",
                                            "--no-ext-diff",
                                            "--no-renames",
                                            "--unified=0",
                                            baseRef + "...HEAD",
                                            "--"))
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw InputException.forInput(
                        "base-ref",
                        "git is not available here ("
                                + e.getMessage()
                                + "); run 'git diff -U0' in an earlier step and pass its output as diff-file");
            }
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw InputException.forInput(
                        "base-ref", "git diff did not finish within 5 minutes");
            }
            if (p.exitValue() != 0) {
                String msg =
                        Files.readString(err, StandardCharsets.UTF_8)
                                .strip()
                                .lines()
                                .findFirst()
                                .orElse("");
                throw InputException.forInput(
                        "base-ref",
                        "git diff "
                                + baseRef
                                + "...HEAD failed: "
                                + msg
                                + " (check out with 'fetch-depth: 0' so the base commit is present)");
            }
            return out;
        } catch (RuntimeException | IOException | InterruptedException e) {
            Files.deleteIfExists(out);
            throw e;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
