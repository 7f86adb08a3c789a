package dev.pipewright.pipeline;

import dev.pipewright.model.Workflow;
import dev.pipewright.model.dependabot.DependabotConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline source: the workflows of one system, and optionally its dependabot.yml.
 * Implementations are found with {@link java.util.ServiceLoader}, so a project only lists its
 * classes in {@code META-INF/services/dev.pipewright.pipeline.Pipeline}.
 */
public interface Pipeline {

    /** A short stable id, e.g. {@code go-microservice}. */
    String id();

    /** The source file, relative to the project root, named in each generated file's header. */
    String source();

    /**
     * The command that rewrites this pipeline's files, named in each header; a pipeline run by the
     * Maven plugin ({@code mvn process-classes pipewright:generate}) or as a script ({@code jbang
     * Pipelines.java}) says so.
     */
    default String regenerateCommand() {
        return PipelineRenderer.REGENERATE;
    }

    /** Where the workflows go, relative to the project root (e.g. {@code .github/workflows}). */
    String outputDirectory();

    /** The workflows, each written to {@code outputDirectory()/fileName()}. */
    List<Workflow> workflows();

    /** The Dependabot config written to {@link #dependabotPath()}; none by default. */
    default Optional<DependabotConfig> dependabot() {
        return Optional.empty();
    }

    /**
     * Where the dependabot.yml goes, relative to the project root. GitHub reads only {@code
     * .github/dependabot.yml}, the sibling of {@code .github/workflows}; so when the workflows
     * directory ends with {@code /workflows} the file goes beside that directory, otherwise (a
     * self-contained example folder) inside the output directory, next to the workflows.
     */
    default String dependabotPath() {
        String dir = outputDirectory().replaceAll("/+$", "");
        if (dir.endsWith("/workflows")) {
            return dir.substring(0, dir.length() - "workflows".length()) + "dependabot.yml";
        }
        return dir + "/dependabot.yml";
    }

    /**
     * The project's own local actions the workflows call as {@code uses: ./.github/actions/<name>}:
     * directory name → the body of its {@code action.yml} (YAML without header; the renderer adds
     * it). Written under {@link #localActionsDirectory()}, in name order; none by default.
     * Pipewright's own actions (the {@code Pipewright*} bindings) need no entry: the renderer
     * writes each one the workflows call.
     */
    default Map<String, String> localActions() {
        return Map.of();
    }

    /**
     * Where local actions go, relative to the project root: beside the workflows directory ({@code
     * .github/actions}) when it ends with {@code /workflows}, otherwise (a self-contained example
     * folder) {@code <outputDirectory>/actions}, which stands for {@code .github/actions}.
     */
    default String localActionsDirectory() {
        String dir = outputDirectory().replaceAll("/+$", "");
        if (dir.endsWith("/workflows")) {
            return dir.substring(0, dir.length() - "workflows".length()) + "actions";
        }
        return dir + "/actions";
    }
}
