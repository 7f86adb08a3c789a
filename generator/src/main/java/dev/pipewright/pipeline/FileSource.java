package dev.pipewright.pipeline;

import java.util.List;

/**
 * Anything Pipewright generates and {@code pipewright check} keeps in sync: a pipeline's workflows,
 * or other files such as each action's {@code action.yml}. Implementations other than pipelines are
 * found with {@link java.util.ServiceLoader} under this interface.
 */
public interface FileSource {

    /** A short stable id, selectable with {@code --pipeline}. */
    String id();

    /**
     * The directories this source owns; a generated-looking file there that it no longer produces
     * is stale.
     */
    List<String> outputDirectories();

    /**
     * The files, with paths relative to the project root; pipelines pin their actions from the
     * lock.
     */
    List<GeneratedFile> files(ActionLock lock);

    /**
     * The local {@code uses: ./path} references of the workflows among these files; none by
     * default.
     */
    default List<LocalUses.LocalUse> localUses() {
        return List.of();
    }

    /**
     * The class loader of the class that defines this source, to tell a project's sources from
     * bundled ones.
     */
    default ClassLoader loader() {
        return getClass().getClassLoader();
    }

    /** A pipeline seen as a file source: its workflows and dependabot.yml rendered with headers. */
    static FileSource of(Pipeline pipeline) {
        return new FileSource() {
            @Override
            public String id() {
                return pipeline.id();
            }

            @Override
            public ClassLoader loader() {
                return pipeline.getClass().getClassLoader();
            }

            @Override
            public List<String> outputDirectories() {
                return PipelineRenderer.outputDirectories(pipeline);
            }

            @Override
            public List<GeneratedFile> files(ActionLock lock) {
                return PipelineRenderer.render(pipeline, lock);
            }

            @Override
            public List<LocalUses.LocalUse> localUses() {
                return LocalUses.of(pipeline);
            }
        };
    }
}
