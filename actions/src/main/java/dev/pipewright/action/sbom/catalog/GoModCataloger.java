package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.action.sbom.Purl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.regex.Pattern;

/**
 * {@code go.mod} with the {@code go.sum} beside it: every {@code require} (direct ones become the
 * artifact's direct dependencies, {@code // indirect} ones plain components), {@code replace}
 * applied (a local-path replacement is the project's own code), {@code exclude}/{@code retract}
 * only constrain selection. Hashes are the module zip's {@code h1:} (SHA-256 of Go's dirhash),
 * never the {@code /go.mod} line's.
 */
public final class GoModCataloger implements Cataloger {
    private static final Pattern MODULE_PATH = Pattern.compile("[^/\\s]+(/[^/\\s]+)*");

    /** One requirement: module path, version, whether marked indirect, and its line. */
    record Require(String path, String version, boolean indirect, int line) {}

    /** One replace directive; {@code oldVersion} null when it applies to every version. */
    record Replace(String oldPath, String oldVersion, String newPath, String newVersion) {}

    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("go.mod") && !relative.contains("vendor/");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        List<Require> requires = new ArrayList<>();
        List<Replace> replaces = new ArrayList<>();
        parse(Readers.text(file, display), display, requires, replaces);
        Path sumFile = file.resolveSibling("go.sum");
        Map<String, String> sums =
                Files.isRegularFile(sumFile)
                        ? GoSumCataloger.zipHashes(
                                sumFile, display.replaceFirst("go\\.mod$", "go.sum"))
                        : Map.of();
        for (Require r : requires) {
            String path = r.path();
            String version = r.version();
            for (Replace rep : replaces) {
                if (rep.oldPath().equals(r.path())
                        && (rep.oldVersion() == null || rep.oldVersion().equals(r.version()))) {
                    path = rep.newPath();
                    version = rep.newVersion();
                }
            }
            if (version == null) {
                catalog.unresolved(
                        display
                                + ":"
                                + r.line()
                                + ": "
                                + r.path()
                                + " is replaced by local directory "
                                + path);
                continue;
            }
            String id =
                    catalog.add(component(path, version, sums.get(path + " " + version), display));
            if (!r.indirect()) {
                catalog.direct(id);
            }
        }
    }

    static Component component(String path, String version, String h1, String display) {
        SortedMap<String, SortedSet<String>> hashes = Hashes.none();
        if (h1 != null && h1.startsWith("h1:")) {
            Hashes.addBase64(hashes, "SHA-256", h1.substring(3));
        }
        return new Component(
                Ecosystem.GO, path, version, purl(path, version), hashes, false, Set.of(display));
    }

    static Purl purl(String path, String version) {
        int slash = path.lastIndexOf('/');
        return slash < 0
                ? Purl.of("golang", null, path, version)
                : Purl.of("golang", path.substring(0, slash), path.substring(slash + 1), version);
    }

    static void parse(String text, String display, List<Require> requires, List<Replace> replaces) {
        String[] lines = text.split("\r?\n", -1);
        String block = null;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int comment = raw.indexOf("//");
            boolean indirect =
                    comment >= 0 && raw.substring(comment + 2).trim().startsWith("indirect");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (block != null) {
                if (line.equals(")")) {
                    block = null;
                    continue;
                }
                directive(block, line, indirect, i + 1, display, requires, replaces);
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String verb = parts[0];
            if (parts.length == 2 && parts[1].trim().equals("(")) {
                block = verb;
            } else if (parts.length == 2) {
                directive(verb, parts[1].trim(), indirect, i + 1, display, requires, replaces);
            } else if (!verb.equals(")")) {
                throw new LockfileException(
                        display, i + 1, "unknown line '" + line + "'; expected a go.mod directive");
            }
        }
        if (block != null) {
            throw new LockfileException(
                    display, lines.length, "'" + block + " (' block is not closed with ')'");
        }
    }

    private static void directive(
            String verb,
            String args,
            boolean indirect,
            int line,
            String display,
            List<Require> requires,
            List<Replace> replaces) {
        switch (verb) {
            case "require" -> {
                String[] f = fields(args);
                if (f.length != 2) {
                    throw new LockfileException(
                            display, line, "require needs 'module version', got '" + args + "'");
                }
                requires.add(new Require(modulePath(f[0], display, line), f[1], indirect, line));
            }
            case "replace" -> {
                int arrow = args.indexOf("=>");
                if (arrow < 0) {
                    throw new LockfileException(
                            display, line, "replace needs '=>', got '" + args + "'");
                }
                String[] left = fields(args.substring(0, arrow));
                String[] right = fields(args.substring(arrow + 2));
                if (left.length < 1 || left.length > 2 || right.length < 1 || right.length > 2) {
                    throw new LockfileException(
                            display, line, "replace needs 'module [version] => target [version]'");
                }
                boolean local =
                        right[0].startsWith("./")
                                || right[0].startsWith("../")
                                || right[0].startsWith("/");
                replaces.add(
                        new Replace(
                                modulePath(left[0], display, line),
                                left.length == 2 ? left[1] : null,
                                local ? right[0] : modulePath(right[0], display, line),
                                local || right.length < 2 ? null : right[1]));
            }
            case "module",
                    "go",
                    "toolchain",
                    "exclude",
                    "retract",
                    "godebug",
                    "tool",
                    "ignore" -> {}
            default ->
                    throw new LockfileException(
                            display, line, "unknown go.mod directive '" + verb + "'");
        }
    }

    /**
     * A module path as Go checks it, as far as a purl needs: slash-separated elements, none empty
     * (a path ending in '/' has no name for the purl).
     */
    static String modulePath(String path, String display, int line) {
        if (!MODULE_PATH.matcher(path).matches()) {
            throw new LockfileException(
                    display,
                    line,
                    "'"
                            + path
                            + "' is not a module path (elements separated by single"
                            + " slashes, none empty); fix the line or run 'go mod tidy'");
        }
        return path;
    }

    private static String[] fields(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return new String[0];
        }
        String[] f = t.split("\\s+");
        for (int i = 0; i < f.length; i++) {
            if (f[i].length() >= 2 && (f[i].startsWith("\"") || f[i].startsWith("`"))) {
                f[i] = f[i].substring(1, f[i].length() - 1);
            }
        }
        return f;
    }
}
