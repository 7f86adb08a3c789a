package dev.pipewright.lint.rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One pyflakes process for the Python scripts of a file: each script is written to {@code
 * <index>.py} and pyflakes checks them all at once, each on its own, so a script's messages do not
 * depend on the others. Python scripts are rare in workflows (a handful in the shared corpus), so a
 * process per file that has any costs little.
 */
final class PyflakesProcess {
    /**
     * One message at a 1-based line and column of the script (column 0 when pyflakes gives none).
     */
    record Message(int line, int column, String text) {}

    private static final long TIMEOUT_SECONDS = 60;

    /**
     * {@code 3.py:2:5: message}; older pyflakes leave out the column. Syntax errors are followed by
     * the source line and a caret, which match nothing here and are dropped.
     */
    private static final Pattern LINE =
            Pattern.compile("(?:.*[/\\\\])?(\\d+)\\.py:(\\d+):(?:(\\d+):?)? (.+)");

    private PyflakesProcess() {}

    /** Each script's messages, in order; all empty when pyflakes cannot run, fails or times out. */
    static List<List<Message>> run(Path pyflakes, List<String> scripts) {
        List<List<Message>> out = new ArrayList<>();
        scripts.forEach(s -> out.add(new ArrayList<>()));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pipewright-pyflakes");
            List<String> cmd = new ArrayList<>(List.of(pyflakes.toString()));
            for (int i = 0; i < scripts.size(); i++) {
                Files.writeString(dir.resolve(i + ".py"), scripts.get(i), StandardCharsets.UTF_8);
                cmd.add(i + ".py");
            }
            // to a file, not a pipe, which could block past the timeout; syntax errors come on
            // stderr, the rest on stdout
            Path report = dir.resolve("pyflakes.txt");
            Process p =
                    new ProcessBuilder(cmd)
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(report.toFile())
                            .start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return out;
            }
            for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                int index = Integer.parseInt(m.group(1));
                if (index < scripts.size()) {
                    out.get(index)
                            .add(
                                    new Message(
                                            Integer.parseInt(m.group(2)),
                                            m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                                            m.group(4).strip()));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            // a pyflakes that cannot run leaves the rule silent, like an absent one
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out;
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
