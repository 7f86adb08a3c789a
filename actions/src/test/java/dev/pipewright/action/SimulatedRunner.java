package dev.pipewright.action;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Simulates the GitHub runner in process, the way it starts a container action: a workspace, the
 * file-command files, an event payload, {@code GITHUB_*}/{@code RUNNER_*} variables and {@code
 * INPUT_*} for each input.
 */
public final class SimulatedRunner implements AutoCloseable {
    private final Path root;
    private final Path workspace;
    private final Path output;
    private final Path summary;
    private final Path event;
    private final Map<String, String> env = new LinkedHashMap<>();

    /**
     * The result of one step: exit code, logs, outputs as the runner would parse them, summary
     * text.
     */
    public record Step(
            int exit, String stdout, String stderr, Map<String, String> outputs, String summary) {}

    public SimulatedRunner() {
        try {
            root = Files.createTempDirectory("pipewright-runner");
            workspace = Files.createDirectories(root.resolve("workspace"));
            Path commands = Files.createDirectories(root.resolve("file_commands"));
            Path temp = Files.createDirectories(root.resolve("runner_temp"));
            output = commands.resolve("set_output");
            summary = commands.resolve("step_summary");
            event = root.resolve("workflow/event.json");
            Files.createDirectories(event.getParent());
            Files.createFile(output);
            Files.createFile(summary);
            Files.writeString(event, "{}");
            env.put("CI", "true");
            env.put("GITHUB_ACTIONS", "true");
            env.put("GITHUB_WORKSPACE", workspace.toString());
            env.put("GITHUB_OUTPUT", output.toString());
            env.put("GITHUB_STEP_SUMMARY", summary.toString());
            env.put("GITHUB_ENV", commands.resolve("set_env").toString());
            env.put("GITHUB_PATH", commands.resolve("add_path").toString());
            env.put("GITHUB_EVENT_PATH", event.toString());
            env.put("GITHUB_EVENT_NAME", "push");
            env.put("GITHUB_REPOSITORY", "octo/demo");
            env.put("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567");
            env.put("GITHUB_REF", "refs/heads/main");
            env.put("GITHUB_API_URL", "https://api.github.com");
            env.put("RUNNER_TEMP", temp.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path workspace() {
        return workspace;
    }

    public Path root() {
        return root;
    }

    public Path outputFile() {
        return output;
    }

    public Path summaryFile() {
        return summary;
    }

    /** Sets input {@code name} as the runner does ({@code INPUT_<NAME>}). */
    public SimulatedRunner input(String name, String value) {
        env.put(InputSpec.envName(name), value);
        return this;
    }

    public SimulatedRunner env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public SimulatedRunner event(String name, String json) {
        env.put("GITHUB_EVENT_NAME", name);
        try {
            Files.writeString(event, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Copies a file into the workspace at {@code relative}. */
    public Path copy(Path source, String relative) {
        try {
            Path target = workspace.resolve(relative);
            Files.createDirectories(target.getParent());
            return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path write(String relative, String content) {
        return write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path write(String relative, byte[] content) {
        try {
            Path target = workspace.resolve(relative);
            Files.createDirectories(target.getParent());
            return Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Step run(Action action) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                new ActionRunner(env, workspace, new PrintWriter(out), new PrintWriter(err))
                        .run(action);
        try {
            return new Step(
                    exit,
                    out.toString(),
                    err.toString(),
                    parseOutputs(Files.readString(output)),
                    Files.readString(summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the image's entrypoint with {@code args} (action.yml's {@code args}: the action id), as
     * the runner does.
     */
    public Step entrypoint(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Entrypoint.run(args, env, workspace, new PrintWriter(out), new PrintWriter(err));
        try {
            return new Step(
                    exit,
                    out.toString(),
                    err.toString(),
                    parseOutputs(Files.readString(output)),
                    Files.readString(summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a file-command file like actions/runner: {@code name=value} lines and {@code
     * name<<DELIM} blocks.
     */
    public static Map<String, String> parseOutputs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String name = line.substring(0, heredoc);
                String delim = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < lines.length && !lines[j].equals(delim)) {
                    if (j > i + 1) {
                        value.append('\n');
                    }
                    value.append(lines[j]);
                    j++;
                }
                if (j == lines.length) {
                    throw new IllegalStateException("unterminated heredoc for " + name);
                }
                out.put(name, value.toString());
                i = j;
            } else if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            } else {
                throw new IllegalStateException("bad file-command line: " + line);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
