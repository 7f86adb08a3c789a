package dev.pipewright.pipeline;

import dev.pipewright.emit.DependabotTree;
import dev.pipewright.emit.WorkflowTree;
import dev.pipewright.emit.YamlWriter;
import dev.pipewright.model.Workflow;
import dev.pipewright.stacks.actions.LocalActions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a pipeline's workflows (and its dependabot.yml, when it has one) to files, each with a
 * header naming its source and the regenerate command.
 */
public final class PipelineRenderer {
    /** The command that rewrites every generated file of this repository; the header's default. */
    public static final String REGENERATE = "./pipewright generate";

    private PipelineRenderer() {}

    /** Renders with the bundled action lock. */
    public static List<GeneratedFile> render(Pipeline pipeline) {
        return render(pipeline, ActionLock.bundled());
    }

    /** Renders with every action pinned to its commit from the lock (see {@link ActionPinning}). */
    public static List<GeneratedFile> render(Pipeline pipeline, ActionLock lock) {
        List<GeneratedFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Workflow> workflows = pipeline.workflows();
        for (Workflow w : workflows) {
            if (!names.add(w.fileName())) {
                throw new IllegalArgumentException(
                        "pipeline " + pipeline.id() + " has two workflows named " + w.fileName());
            }
            String path = pipeline.outputDirectory().replaceAll("/+$", "") + "/" + w.fileName();
            files.add(
                    new GeneratedFile(
                            path,
                            YamlWriter.write(
                                    WorkflowTree.of(ActionPinning.pin(w, lock)),
                                    header(pipeline))));
        }
        pipeline.dependabot()
                .ifPresent(
                        config -> {
                            String path = pipeline.dependabotPath();
                            if (files.stream().anyMatch(f -> f.path().equals(path))) {
                                throw new IllegalArgumentException(
                                        "pipeline "
                                                + pipeline.id()
                                                + " has a workflow at "
                                                + path
                                                + ", where its dependabot.yml goes; rename the workflow or override dependabotPath()");
                            }
                            files.add(
                                    new GeneratedFile(
                                            path,
                                            YamlWriter.write(
                                                    DependabotTree.of(config), header(pipeline))));
                        });
        localActions(pipeline, workflows)
                .forEach(
                        (name, body) -> {
                            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                                throw new IllegalArgumentException(
                                        "pipeline "
                                                + pipeline.id()
                                                + " has a local action named '"
                                                + name
                                                + "'; use letters, digits, '.', '_' and '-'");
                            }
                            StringBuilder text = new StringBuilder();
                            header(pipeline)
                                    .forEach(line -> text.append("# ").append(line).append('\n'));
                            text.append(body.endsWith("\n") ? body : body + "\n");
                            files.add(
                                    new GeneratedFile(
                                            localActionPath(pipeline, name), text.toString()));
                        });
        return files;
    }

    /**
     * The directories a pipeline owns for stale-file detection: its workflows directory and the one
     * its dependabot.yml goes to, whether or not it has a config now, so a dropped config's file is
     * reported as stale.
     */
    public static List<String> outputDirectories(Pipeline pipeline) {
        String workflows = pipeline.outputDirectory().replaceAll("/+$", "");
        String dependabot = pipeline.dependabotPath();
        int slash = dependabot.lastIndexOf('/');
        String parent = slash < 0 ? "" : dependabot.substring(0, slash);
        List<String> dirs =
                new ArrayList<>(
                        parent.equals(workflows) ? List.of(workflows) : List.of(workflows, parent));
        for (String name : localActions(pipeline, pipeline.workflows()).keySet()) {
            String path = localActionPath(pipeline, name);
            dirs.add(path.substring(0, path.lastIndexOf('/')));
        }
        return dirs;
    }

    /**
     * The local actions a pipeline's files include, in name order: the Pipewright actions its
     * workflows call ({@code ./.github/actions/pipewright-<id>}, from the bindings in {@code
     * dev.pipewright.stacks.actions}), so a pipeline need not list them, and its own {@link
     * Pipeline#localActions()}, which win on a shared name.
     */
    static Map<String, String> localActions(Pipeline pipeline, List<Workflow> workflows) {
        Map<String, String> all = new TreeMap<>(LocalActions.usedBy(workflows));
        all.putAll(pipeline.localActions());
        return all;
    }

    /** {@code <localActionsDirectory>/<name>/action.yml}. */
    public static String localActionPath(Pipeline pipeline, String name) {
        return pipeline.localActionsDirectory().replaceAll("/+$", "") + "/" + name + "/action.yml";
    }

    /** The header comment lines (without '#'). */
    public static List<String> header(Pipeline pipeline) {
        return List.of(
                "Generated by Pipewright from " + pipeline.source() + ". Do not edit.",
                "Regenerate with: " + pipeline.regenerateCommand());
    }

    /**
     * True when the content starts with a Pipewright header ({@code # …} in YAML, {@code <!-- …} in
     * Markdown), so a stale generated file can be recognised.
     */
    public static boolean isGenerated(String content) {
        return content.startsWith("# Generated by Pipewright from ")
                || content.startsWith("<!-- Generated by Pipewright from ");
    }
}
