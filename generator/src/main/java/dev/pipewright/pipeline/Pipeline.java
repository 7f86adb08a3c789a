package dev.pipewright.pipeline;

import dev.pipewright.model.Workflow;
import java.util.List;

/**
 * A pipeline source: the workflows of one system. Implementations are found with
 * {@link java.util.ServiceLoader}, so a project only lists its classes in
 * {@code META-INF/services/dev.pipewright.pipeline.Pipeline}.
 */
public interface Pipeline {

    /** A short stable id, e.g. {@code go-microservice}. */
    String id();

    /** The source file, relative to the project root, named in each generated file's header. */
    String source();

    /** Where the workflows go, relative to the project root (e.g. {@code .github/workflows}). */
    String outputDirectory();

    /** The workflows, each written to {@code outputDirectory()/fileName()}. */
    List<Workflow> workflows();
}
