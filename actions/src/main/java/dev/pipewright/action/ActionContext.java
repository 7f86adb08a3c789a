package dev.pipewright.action;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an action sees while it runs: inputs, the runner environment, the workspace, and staging
 * areas for outputs, summary, annotations and files; nothing staged reaches disk unless the action
 * completes.
 */
public final class ActionContext {
    private final ActionDescriptor descriptor;
    private final Inputs inputs;
    private final ActionEnvironment env;
    private final Workspace workspace;
    private final PrintWriter log;
    private final boolean onRunner;
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final StringBuilder summary = new StringBuilder();
    private final List<Annotation> annotations = new ArrayList<>();
    private final Map<Path, OutputFiles.Staged> files = new LinkedHashMap<>();

    ActionContext(ActionDescriptor descriptor, ActionEnvironment env, PrintWriter log) {
        this.descriptor = descriptor;
        this.env = env;
        this.inputs = new Inputs(descriptor, env.vars());
        this.workspace = env.workspace();
        this.log = log;
        this.onRunner = env.onRunner();
    }

    public Inputs inputs() {
        return inputs;
    }

    public ActionEnvironment env() {
        return env;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Stages an output declared in the descriptor. */
    public void setOutput(String name, String value) {
        if (!descriptor.hasOutput(name)) {
            throw new IllegalArgumentException(
                    "action '" + descriptor.id() + "' declares no output '" + name + "'");
        }
        outputs.put(name, value);
    }

    public void appendSummary(String markdown) {
        summary.append(markdown);
    }

    public void annotate(Annotation a) {
        annotations.add(a);
    }

    /** Stages a file (e.g. a JSON report) to be written with the outputs. */
    public void writeFile(Path path, String content) {
        stage(new OutputFiles.Staged(path, content, null, false));
    }

    /**
     * Stages a file whose path comes from input {@code input}, which a target that cannot be
     * written (a directory, a path under a regular file) is then reported against; the file is
     * written world-readable (0644).
     */
    public void writeFile(String input, Path path, String content) {
        stage(new OutputFiles.Staged(path, content, input, false));
    }

    /**
     * Like {@link #writeFile(String, Path, String)} for a secret (a private key): readable by its
     * owner only (0600).
     */
    public void writePrivateFile(String input, Path path, String content) {
        stage(new OutputFiles.Staged(path, content, input, true));
    }

    private void stage(OutputFiles.Staged f) {
        files.remove(f.path());
        files.put(f.path(), f);
    }

    /** A log line: stdout on the runner, stderr on the CLI (where stdout carries the outputs). */
    public void log(String line) {
        log.println(line);
    }

    /** Starts a collapsible log group on the runner; a heading locally. */
    public void group(String title) {
        if (onRunner) {
            new WorkflowCommands(log).group(title);
        } else {
            log.println("== " + title);
        }
    }

    public void endGroup() {
        if (onRunner) {
            new WorkflowCommands(log).endGroup();
        }
    }

    Map<String, String> outputs() {
        return Collections.unmodifiableMap(outputs);
    }

    String summary() {
        return summary.toString();
    }

    List<Annotation> annotations() {
        return Collections.unmodifiableList(annotations);
    }

    Map<Path, String> files() {
        Map<Path, String> out = new LinkedHashMap<>();
        files.forEach((p, f) -> out.put(p, f.content()));
        return Collections.unmodifiableMap(out);
    }

    Collection<OutputFiles.Staged> stagedFiles() {
        return Collections.unmodifiableCollection(files.values());
    }
}
