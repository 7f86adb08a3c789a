package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code go.sum} without a {@code go.mod} beside it: the modules whose source was downloaded (a
 * zip {@code h1:} line). Modules with only a {@code /go.mod} line were consulted for version
 * selection but are not in the build.
 */
public final class GoSumCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("go.sum")
                && !Files.exists(file.resolveSibling("go.mod"))
                && !relative.contains("vendor/");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        for (Map.Entry<String, String> e : zipHashes(file, display).entrySet()) {
            String[] pv = e.getKey().split(" ");
            catalog.add(GoModCataloger.component(pv[0], pv[1], e.getValue(), display));
        }
    }

    /**
     * {@code "module version"} to the zip's {@code h1:…}, in file order; malformed lines fail with
     * their number.
     */
    static Map<String, String> zipHashes(Path file, String display) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String line : Readers.lines(file, display)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length != 3 || !f[2].contains(":")) {
                throw new LockfileException(
                        display, n, "expected 'module version h1:hash', got '" + line.trim() + "'");
            }
            GoModCataloger.modulePath(f[0], display, n);
            if (!f[1].endsWith("/go.mod")) {
                out.put(f[0] + " " + f[1], f[2]);
            }
        }
        return out;
    }
}
