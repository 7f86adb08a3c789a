package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Go executables (ELF, Mach-O, PE): the build information the linker embeds since Go 1.18 ({@code
 * \xff Go buildinf:} header with inline strings): Go version (as {@code pkg:golang/stdlib}), main
 * module and every dependency with its {@code h1:} hash, {@code =>} replacements applied. Older,
 * pointer-based headers are reported.
 */
public final class GoBinaryCataloger implements Cataloger {
    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final long MAX_SIZE = 1L << 30;

    /** A module line of the build info: path, version, sum. */
    record Module(String path, String version, String sum) {}

    /**
     * A dependency the build replaced with a directory on the build machine ({@code => ./dir
     * (devel)}).
     */
    record LocalReplacement(String path, String directory) {}

    /**
     * What the build info says: Go version, main module, dependencies, local-directory
     * replacements.
     */
    record BuildInfo(
            String goVersion, Module main, List<Module> deps, List<LocalReplacement> local) {}

    @Override
    public boolean accepts(Path file, String relative) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length < 4 || Files.size(file) > MAX_SIZE) {
                return false;
            }
            int b0 = head[0] & 0xff;
            int b1 = head[1] & 0xff;
            int b2 = head[2] & 0xff;
            int b3 = head[3] & 0xff;
            boolean elf = b0 == 0x7f && b1 == 'E' && b2 == 'L' && b3 == 'F';
            boolean pe = b0 == 'M' && b1 == 'Z';
            boolean macho =
                    (b0 == 0xfe && b1 == 0xed && b2 == 0xfa && (b3 == 0xce || b3 == 0xcf))
                            || ((b0 == 0xce || b0 == 0xcf)
                                    && b1 == 0xfa
                                    && b2 == 0xed
                                    && b3 == 0xfe);
            return elf || pe || macho;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = find(bytes);
        String cut = Executables.truncation(bytes);
        if (at < 0) {
            // Not a Go executable, or one whose build info is missing: say so when it is
            // recognisably Go.
            if (Executables.looksLikeGo(bytes)) {
                catalog.unresolved(
                        display
                                + ": Go executable without readable build info"
                                + (cut == null ? "" : " (the file is truncated: " + cut + ")")
                                + "; its modules are not listed");
            }
            return;
        }
        BuildInfo info;
        try {
            info = parse(bytes, at);
        } catch (TruncatedException e) {
            catalog.unresolved(
                    display
                            + ": Go build info is cut off at the end of the file (the file is truncated"
                            + (cut == null ? "" : ": " + cut)
                            + "); its modules are not listed");
            return;
        }
        if (info == null) {
            catalog.unresolved(
                    display + ": Go build info in the pre-1.18 pointer format is not read");
            return;
        }
        String mainId = null;
        if (info.main() != null) {
            String v = info.main().version().equals("(devel)") ? null : info.main().version();
            mainId =
                    catalog.add(
                            GoModCataloger.component(
                                    info.main().path(), v, info.main().sum(), display));
            catalog.direct(mainId);
        }
        if (info.goVersion() != null) {
            String v =
                    info.goVersion().startsWith("go")
                            ? info.goVersion().substring(2)
                            : info.goVersion();
            String stdlib =
                    catalog.add(
                            new Component(
                                    Ecosystem.GO,
                                    "stdlib",
                                    v,
                                    GoModCataloger.purl("stdlib", v),
                                    Hashes.none(),
                                    false,
                                    Set.of(display)));
            if (mainId != null) {
                catalog.edge(mainId, stdlib);
            } else {
                catalog.direct(stdlib);
            }
        }
        for (LocalReplacement r : info.local()) {
            // As for go.mod: the code came from the builder's disk, not from a module version
            // anyone can fetch.
            catalog.unresolved(
                    display + ": " + r.path() + " is replaced by local directory " + r.directory());
        }
        for (Module d : info.deps()) {
            String id =
                    catalog.add(GoModCataloger.component(d.path(), d.version(), d.sum(), display));
            if (mainId != null) {
                catalog.edge(mainId, id);
            } else {
                catalog.direct(id);
            }
        }
    }

    static int find(byte[] b) {
        outer:
        for (int i = 0; i + 32 <= b.length; i += 16) {
            for (int k = 0; k < MAGIC.length; k++) {
                if (b[i + k] != MAGIC[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Build info whose strings run past the end of the file. */
    static final class TruncatedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TruncatedException() {
            super("build info runs past the end of the file", null, false, false);
        }
    }

    /** Parses the header at {@code at}; null when it uses pointers instead of inline strings. */
    static BuildInfo parse(byte[] b, int at) {
        if (at + 32 > b.length) {
            throw new TruncatedException();
        }
        int flags = b[at + 15] & 0xff;
        if ((flags & 2) == 0) {
            return null;
        }
        int[] pos = {at + 32};
        String version = new String(varBytes(b, pos), StandardCharsets.UTF_8);
        byte[] raw = varBytes(b, pos);
        // modinfo is framed by two 16-byte sentinels (binary, not UTF-8): strip them before
        // decoding.
        String mod =
                raw.length >= 33 && raw[raw.length - 17] == '\n'
                        ? new String(raw, 16, raw.length - 32, StandardCharsets.UTF_8)
                        : new String(raw, StandardCharsets.UTF_8);
        Module main = null;
        List<Module> deps = new ArrayList<>();
        List<LocalReplacement> local = new ArrayList<>();
        for (String line : mod.split("\n")) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "mod" -> main = module(f);
                case "dep" -> deps.add(module(f));
                case "=>" -> {
                    if (!deps.isEmpty()) {
                        Module replacement = module(f);
                        if (isLocal(replacement)) {
                            local.add(
                                    new LocalReplacement(
                                            deps.remove(deps.size() - 1).path(),
                                            replacement.path()));
                        } else {
                            deps.set(deps.size() - 1, replacement);
                        }
                    }
                }
                default -> {}
            }
        }
        deps.removeIf(m -> m.version() == null || m.version().isEmpty());
        return new BuildInfo(version.isEmpty() ? null : version, main, deps, local);
    }

    /**
     * A replacement by a directory: a file-system path (./, ../, / or a Windows drive, as
     * modfile.IsDirectoryPath) and no version.
     */
    private static boolean isLocal(Module m) {
        String p = m.path();
        boolean path =
                p.startsWith("./")
                        || p.startsWith("../")
                        || p.startsWith("/")
                        || p.equals(".")
                        || p.equals("..")
                        || p.startsWith(".\\")
                        || p.startsWith("..\\")
                        || p.matches("[A-Za-z]:[\\\\/].*");
        return path && (m.version().isEmpty() || m.version().equals("(devel)"));
    }

    private static Module module(String[] f) {
        return new Module(
                f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "", f.length > 3 ? f[3] : null);
    }

    private static byte[] varBytes(byte[] b, int[] pos) {
        long len = 0;
        int shift = 0;
        while (pos[0] < b.length) {
            int x = b[pos[0]++] & 0xff;
            len |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        if (len > b.length - pos[0]) {
            throw new TruncatedException();
        }
        int n = (int) len;
        byte[] s = Arrays.copyOfRange(b, pos[0], pos[0] + n);
        pos[0] += n;
        return s;
    }
}
