package dev.pipewright.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** The pipelines on the class path, found with {@link ServiceLoader}, sorted by id. */
public final class PipelineCatalog {
    private PipelineCatalog() {}

    public static List<Pipeline> load(ClassLoader loader) {
        List<Pipeline> list = new ArrayList<>();
        ServiceLoader.load(Pipeline.class, loader).forEach(list::add);
        list.sort(Comparator.comparing(Pipeline::id));
        Set<String> ids = new TreeSet<>();
        for (Pipeline p : list) {
            if (!ids.add(p.id())) {
                throw new IllegalStateException("two pipelines have the id " + p.id());
            }
        }
        return list;
    }

    /** The pipelines with these ids (all when ids is empty); an unknown id is an error listing the known ones. */
    public static List<Pipeline> select(List<Pipeline> all, List<String> ids) {
        if (ids.isEmpty()) {
            return all;
        }
        List<Pipeline> out = new ArrayList<>();
        for (String id : ids) {
            out.add(all.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no pipeline '" + id + "'; known: "
                            + all.stream().map(Pipeline::id).toList())));
        }
        return out;
    }

    /** Renders every pipeline, in order, with the bundled action lock. */
    public static List<GeneratedFile> render(List<Pipeline> pipelines) {
        return render(pipelines, ActionLock.bundled());
    }

    /** Renders every pipeline, in order, pinning actions from the lock. */
    public static List<GeneratedFile> render(List<Pipeline> pipelines, ActionLock lock) {
        List<GeneratedFile> files = new ArrayList<>();
        for (Pipeline p : pipelines) {
            files.addAll(PipelineRenderer.render(p, lock));
        }
        return files;
    }
}
