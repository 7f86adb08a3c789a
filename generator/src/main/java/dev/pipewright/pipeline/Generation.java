package dev.pipewright.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Generate and check for one project root: render every source, then write the files or compare
 * them with the committed copies. The CLI, the Maven plugin and single-file scripts all call this.
 */
public final class Generation {
    private Generation() {}

    /** What {@link #generate} rendered, and which of those paths it rewrote. */
    public record Written(List<GeneratedFile> files, List<String> changed) {
        public Written {
            files = List.copyOf(files);
            changed = List.copyOf(changed);
        }
    }

    /** What {@link #check} rendered, and every file whose committed copy drifted. */
    public record Checked(List<GeneratedFile> files, List<Drift> drifts) {
        public Checked {
            files = List.copyOf(files);
            drifts = List.copyOf(drifts);
        }

        /** True when every generated file is up to date. */
        public boolean clean() {
            return drifts.isEmpty();
        }
    }

    /**
     * The sources defined by classes of this loader itself, not of its parents: a project's own
     * pipelines, found with {@link java.util.ServiceLoader}, without the ones Pipewright bundles.
     */
    public static List<FileSource> ownSources(ClassLoader loader) {
        return PipelineCatalog.load(loader).stream().filter(s -> s.loader() == loader).toList();
    }

    /** Renders the sources and writes them under root; nothing is written if any source is invalid. */
    public static Written generate(Path root, List<FileSource> sources, ActionLock lock) throws IOException {
        List<GeneratedFile> files = PipelineCatalog.render(sources, lock);
        return new Written(files, AtomicWriter.write(root, files));
    }

    /** Renders the sources in memory and compares them, byte for byte, with the files under root. */
    public static Checked check(Path root, List<FileSource> sources, ActionLock lock) {
        List<GeneratedFile> files = PipelineCatalog.render(sources, lock);
        List<String> dirs = sources.stream().flatMap(s -> s.outputDirectories().stream()).toList();
        return new Checked(files, DriftCheck.compare(root, files, dirs));
    }
}
