package dev.pipewright.stacks;

import dev.pipewright.model.Workflow;
import dev.pipewright.model.dependabot.DependabotConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A preset: a system's workflows from a few parameters, built from {@link Stages}. */
public interface Stack {
    /** The id {@code pipewright.yml} names in {@code stack:}. */
    String id();

    /** One line for {@code pipewright init} and the schema. */
    String description();

    List<Parameter<?>> parameters();

    /** The workflows before overrides. */
    List<Workflow> workflows(StackConfig config);

    /**
     * Parameter values this project's files decide (a lockfile names the package manager), for
     * {@code pipewright init} to write instead of the defaults; empty when nothing is known.
     */
    default Map<String, Object> detect(Path projectRoot) {
        return Map.of();
    }

    default Optional<DependabotConfig> dependabot(StackConfig config) {
        return Optional.empty();
    }
}
