package dev.pipewright.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every source of generated files on the class path — {@link Pipeline}s and other {@link
 * FileSource}s, both found with {@link ServiceLoader} — sorted by id.
 */
public final class PipelineCatalog {
    private PipelineCatalog() {}

    /** The pipelines alone. */
    public static List<Pipeline> pipelines(ClassLoader loader) {
        List<Pipeline> list = new ArrayList<>();
        ServiceLoader.load(Pipeline.class, loader).forEach(list::add);
        list.sort(Comparator.comparing(Pipeline::id));
        return list;
    }

    /** Pipelines and other file sources, with unique ids. */
    public static List<FileSource> load(ClassLoader loader) {
        List<FileSource> list = new ArrayList<>();
        pipelines(loader).forEach(p -> list.add(FileSource.of(p)));
        ServiceLoader.load(FileSource.class, loader).forEach(list::add);
        list.sort(Comparator.comparing(FileSource::id));
        Set<String> ids = new TreeSet<>();
        for (FileSource s : list) {
            if (!ids.add(s.id())) {
                throw new IllegalStateException(
                        "two sources of generated files have the id " + s.id());
            }
        }
        return list;
    }

    /**
     * The sources with these ids (all when ids is empty); an unknown id is an error listing the
     * known ones.
     */
    public static List<FileSource> select(List<FileSource> all, List<String> ids) {
        if (ids.isEmpty()) {
            return all;
        }
        List<FileSource> out = new ArrayList<>();
        for (String id : ids) {
            out.add(
                    all.stream()
                            .filter(p -> p.id().equals(id))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "no pipeline '"
                                                            + id
                                                            + "'; known: "
                                                            + all.stream()
                                                                    .map(FileSource::id)
                                                                    .toList())));
        }
        return out;
    }

    /** Every source's files, in order, pinning actions from the bundled lock. */
    public static List<GeneratedFile> render(List<FileSource> sources) {
        return render(sources, ActionLock.bundled());
    }

    /**
     * Every source's files, in order, pinning actions from the lock; two sources writing one path
     * is an error.
     */
    public static List<GeneratedFile> render(List<FileSource> sources, ActionLock lock) {
        List<GeneratedFile> files = new ArrayList<>();
        Set<String> paths = new TreeSet<>();
        for (FileSource s : sources) {
            for (GeneratedFile f : s.files(lock)) {
                if (!paths.add(f.path())) {
                    throw new IllegalStateException(
                            f.path() + " is generated twice (again by " + s.id() + ")");
                }
                files.add(f);
            }
        }
        return files;
    }
}
