package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code gradle.lockfile}: {@code group:artifact:version=configuration,…} lines; a dependency
 * locked only in test configurations is dev. The {@code empty=} line lists configurations without
 * dependencies.
 */
public final class GradleLockCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        String n = file.getFileName().toString();
        return n.equals("gradle.lockfile")
                || (n.endsWith(".lockfile") && relative.contains("gradle/dependency-locks/"));
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        List<String> lines = Readers.lines(file, display);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
                continue;
            }
            int eq = line.indexOf('=');
            String coords = eq < 0 ? line : line.substring(0, eq);
            String[] gav = coords.split(":");
            if (gav.length != 3 || gav[0].isEmpty() || gav[1].isEmpty() || gav[2].isEmpty()) {
                throw new LockfileException(
                        display,
                        i + 1,
                        "expected 'group:artifact:version=configurations', got '" + line + "'");
            }
            boolean dev = eq > 0;
            if (eq > 0) {
                for (String conf : line.substring(eq + 1).split(",")) {
                    dev &= conf.trim().startsWith("test");
                }
            }
            catalog.direct(
                    catalog.add(
                            Maven.component(
                                    gav[0],
                                    gav[1],
                                    gav[2],
                                    null,
                                    null,
                                    Hashes.none(),
                                    dev,
                                    display)));
        }
    }
}
