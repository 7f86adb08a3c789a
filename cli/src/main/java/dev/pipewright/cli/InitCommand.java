package dev.pipewright.cli;

import dev.pipewright.pipeline.AtomicWriter;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.stacks.Parameter;
import dev.pipewright.stacks.Stack;
import dev.pipewright.stacks.Stacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipewright init --stack ID}: writes a commented pipewright.yml starter for a stack; {@code
 * init --list} names the stacks to choose from.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description =
                "Write a commented pipewright.yml for a stack (every parameter with its default).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written (or listed)",
            "2:unknown or missing stack, or the file exists (use --force)",
            "3:internal error"
        })
public final class InitCommand implements Callable<Integer> {
    @Option(names = "--stack", paramLabel = "ID", description = "The stack (see --list).")
    String stackId;

    @Option(
            names = "--list",
            description = "List the stacks, one line each: id and what it is for.")
    boolean list;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Where to write (default: pipewright.yml).")
    Path file = Path.of("pipewright.yml");

    /** The output file's old name, before every command called it --output. */
    @Option(names = "--file", paramLabel = "FILE", hidden = true)
    void oldFile(Path f) {
        file = f;
    }

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (list) {
            int width = Stacks.all().stream().mapToInt(st -> st.id().length()).max().orElse(0);
            for (Stack st : Stacks.all()) {
                spec.commandLine()
                        .getOut()
                        .println(String.format("%-" + width + "s  %s", st.id(), st.description()));
            }
            return ExitCodes.OK;
        }
        if (stackId == null) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "pipewright: init needs --stack ID (or --list to see them); known: "
                                    + Stacks.all().stream().map(Stack::id).toList());
            return ExitCodes.USAGE;
        }
        Stack stack = Stacks.byId(stackId).orElse(null);
        if (stack == null) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "pipewright: no stack '"
                                    + stackId
                                    + "'; known: "
                                    + Stacks.all().stream().map(Stack::id).toList());
            return ExitCodes.USAGE;
        }
        if (Files.isDirectory(file)) {
            spec.commandLine()
                    .getErr()
                    .println("pipewright: --output: " + file + " is a directory");
            return ExitCodes.USAGE;
        }
        if (Files.exists(file) && !force) {
            spec.commandLine()
                    .getErr()
                    .println("pipewright: " + file + " exists; pass --force to overwrite it");
            return ExitCodes.USAGE;
        }
        // temporary sibling, then a move: an interrupted init never leaves half a starter behind
        Path abs = file.toAbsolutePath().normalize();
        // the spec lives at the project root: what its files decide (lockfile, build tool) replaces
        // the defaults
        Map<String, Object> detected = stack.detect(abs.getParent());
        try {
            AtomicWriter.write(
                    abs.getParent(),
                    List.of(
                            new GeneratedFile(
                                    abs.getFileName().toString(), starter(stack, detected))));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("pipewright: --output: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        detected.forEach(
                (k, v) ->
                        spec.commandLine()
                                .getOut()
                                .println(k + ": " + v + " (read from the project's files)"));
        spec.commandLine()
                .getOut()
                .println("wrote " + file + "; edit it, then run: pipewright generate");
        return ExitCodes.OK;
    }

    /**
     * The starter text: the stack, then every parameter set to its default (a required one to its
     * example) under a comment with its description, so the file generates as written and each
     * value is there to edit.
     */
    static String starter(Stack stack) {
        return starter(stack, Map.of());
    }

    /**
     * The starter with {@code detected} values in place of the defaults, each marked as read from
     * the project.
     */
    static String starter(Stack stack, Map<String, Object> detected) {
        StringBuilder s = new StringBuilder();
        s.append(
                "# yaml-language-server: $schema=https://pipewright.dev/schemas/pipeline.schema.json\n");
        s.append("# ").append(stack.description()).append('\n');
        s.append(
                "# Validated by schemas/pipeline.schema.json; generate with: pipewright generate\n");
        s.append("stack: ").append(stack.id()).append('\n');
        s.append(
                "# Workflows directory (default .github/workflows).\n# output: .github/workflows\n");
        s.append(stack.parameters().isEmpty() ? "parameters: {}\n" : "parameters:\n");
        for (Parameter<?> p : stack.parameters()) {
            s.append("  # ").append(p.description()).append('\n');
            if (p.required() && !detected.containsKey(p.name())) {
                // no default to fall back on: the example, which names a repository variable, keeps
                // the starter generating
                s.append(
                        "  # Required, no default; this example reads a repository variable you set in GitHub.\n");
            } else if (detected.containsKey(p.name())) {
                s.append("  # (read from this project's files by pipewright init; default ")
                        .append(yaml(p.defaultValue()))
                        .append(")\n");
            }
            Object value =
                    detected.containsKey(p.name())
                            ? detected.get(p.name())
                            : p.required() ? p.example() : p.defaultValue();
            s.append("  ").append(p.name()).append(": ").append(yaml(value)).append('\n');
        }
        s.append("# Change jobs and steps by id, never by position:\n");
        s.append("# overrides:\n");
        s.append("#   - {workflow: ci.yml, job: <job-id>, timeout-minutes: 20}\n");
        s.append("#   - {workflow: ci.yml, job: <job-id>, step: <step-id>, run: make test}\n");
        return s.toString();
    }

    private static String yaml(Object v) {
        if (v instanceof List<?> l) {
            return "["
                    + String.join(", ", l.stream().map(x -> quoted(String.valueOf(x))).toList())
                    + "]";
        }
        return v instanceof String str ? quoted(str) : String.valueOf(v);
    }

    /**
     * A YAML double-quoted scalar: backslash and quote escaped, the only two that need it in
     * printable text.
     */
    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
