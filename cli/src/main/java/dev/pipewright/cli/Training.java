package dev.pipewright.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The launcher's training run for the start-up cache (AOT cache or AppCDS archive): runs the
 * commands whose start-up matters, {@code lint} on this checkout's workflows and {@code sbom} on a
 * small lockfile, in one JVM, with output discarded. Usage: {@code java -XX:AOTCacheOutput=… -cp
 * pipewright.jar dev.pipewright.cli.Training REPO_DIR}.
 */
public final class Training {
    private Training() {}

    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args.length > 0 ? args[0] : ".");
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream none =
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Path tmp = Files.createTempDirectory("pipewright-training");
        try {
            System.setOut(none);
            System.setErr(none);
            Main.run("--version");
            List<String> lint = new ArrayList<>(List.of("lint"));
            for (String dir :
                    List.of(
                            "generated-workflows",
                            ".github/workflows",
                            "linter/src/test/resources/lint/err",
                            "linter/src/test/resources/lint/ok")) {
                if (Files.isDirectory(repo.resolve(dir))) {
                    lint.add(repo.resolve(dir).toString());
                }
            }
            if (lint.size() > 1) {
                Main.run(lint.toArray(String[]::new));
                lint.add(1, "--format=json");
                Main.run(lint.toArray(String[]::new));
            }
            Files.writeString(
                    tmp.resolve("package-lock.json"), packageLock(200), StandardCharsets.UTF_8);
            Main.run(
                    "sbom",
                    "--path",
                    tmp.toString(),
                    "--format",
                    "cyclonedx-json",
                    "--output",
                    tmp.resolve("sbom.json").toString(),
                    "--include-dev",
                    "true");
        } finally {
            System.setOut(out);
            System.setErr(err);
            try (var s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A lockfileVersion 3 package-lock.json with {@code n} packages in a chain. */
    static String packageLock(int n) {
        StringBuilder sb =
                new StringBuilder(
                        "{\"name\":\"t\",\"version\":\"1.0.0\",\"lockfileVersion\":3,\"requires\":true,"
                                + "\"packages\":{\"\":{\"name\":\"t\",\"version\":\"1.0.0\",\"dependencies\":{\"pkg-0\":\"^1.0.0\"}}");
        for (int i = 0; i < n; i++) {
            sb.append(",\"node_modules/pkg-")
                    .append(i)
                    .append("\":{\"version\":\"1.0.")
                    .append(i)
                    .append("\",\"resolved\":\"https://registry.npmjs.org/pkg-")
                    .append(i)
                    .append("/-/pkg-")
                    .append(i)
                    .append("-1.0.")
                    .append(i)
                    .append(".tgz\",\"integrity\":\"sha512-")
                    .append("A".repeat(86))
                    .append("==\"");
            if (i + 1 < n) {
                sb.append(",\"dependencies\":{\"pkg-").append(i + 1).append("\":\"^1.0.0\"}");
            }
            sb.append('}');
        }
        return sb.append("}}").toString();
    }
}
