package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import java.io.IOException;
import java.nio.file.Path;

/** Reads one kind of file (a lockfile, manifest, binary or workflow) into the catalog. */
public interface Cataloger {
    /**
     * Whether this cataloger reads {@code file}; {@code relative} is its workspace-relative path
     * with '/' separators.
     */
    boolean accepts(Path file, String relative);

    /**
     * Adds what {@code file} records; malformed content throws a {@code LockfileException} naming
     * file and line.
     */
    void read(Path file, String display, Catalog catalog, Options options) throws IOException;

    /** What every cataloger may need beyond the file: whether dev-only packages are wanted. */
    record Options(boolean includeDev) {}
}
