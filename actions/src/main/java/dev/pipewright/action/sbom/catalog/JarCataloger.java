package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.LockfileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Java archives ({@code .jar}, {@code .war}, {@code .ear}) and the archives nested in them ({@code
 * BOOT-INF/lib}, {@code WEB-INF/lib}): each {@code
 * META-INF/maven/<group>/<artifact>/pom.properties} is a component; an archive with exactly one
 * gets the archive's own SHA-1 and SHA-256. An archive with none has no Maven coordinates and is
 * reported.
 */
public final class JarCataloger implements Cataloger {
    private static final int MAX_DEPTH = 4;

    @Override
    public boolean accepts(Path file, String relative) {
        String n = file.getFileName().toString();
        return n.endsWith(".jar") || n.endsWith(".war") || n.endsWith(".ear");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (String id : archive(bytes, display, catalog, 0)) {
            catalog.direct(id);
        }
    }

    private static List<String> archive(byte[] bytes, String display, Catalog catalog, int depth)
            throws IOException {
        List<Properties> poms = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        Manifest manifest = null;
        List<String> ids = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    p.load(new ByteArrayInputStream(zip.readAllBytes()));
                    poms.add(p);
                } else if (name.equals("META-INF/MANIFEST.MF")) {
                    manifest = new Manifest(new ByteArrayInputStream(zip.readAllBytes()));
                } else if (depth < MAX_DEPTH && (name.endsWith(".jar") || name.endsWith(".war"))) {
                    String inner = display + "!/" + name;
                    byte[] innerBytes = zip.readAllBytes();
                    nested.add(inner);
                    ids.addAll(archive(innerBytes, inner, catalog, depth + 1));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // The archive is in memory: any read error (ZipException, EOFException from a cut-off
            // deflate stream,
            // a malformed entry name) is the file's fault, not ours.
            throw new LockfileException(
                    display,
                    1,
                    "corrupt or truncated archive"
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                            + "; rebuild or re-download it, or exclude it from path",
                    e);
        }
        if (poms.isEmpty()) {
            String title =
                    manifest == null
                            ? null
                            : manifest.getMainAttributes().getValue("Implementation-Title");
            if (depth > 0 || nested.isEmpty()) {
                catalog.unresolved(
                        display
                                + ": no META-INF/maven/**/pom.properties"
                                + (title == null ? "" : " (manifest names '" + title + "')")
                                + "; no Maven coordinates");
            }
            return ids;
        }
        SortedMap<String, SortedSet<String>> hashes = Hashes.none();
        if (poms.size() == 1) {
            Hashes.addHex(hashes, "SHA-1", digest("SHA-1", bytes));
            Hashes.addHex(hashes, "SHA-256", digest("SHA-256", bytes));
        }
        List<String> own = new ArrayList<>();
        for (Properties p : poms) {
            String g = p.getProperty("groupId");
            String a = p.getProperty("artifactId");
            String v = p.getProperty("version");
            if (g == null || a == null) {
                catalog.unresolved(display + ": pom.properties without groupId/artifactId");
                continue;
            }
            Component c =
                    Maven.component(
                            g.trim(),
                            a.trim(),
                            v == null ? null : v.trim(),
                            null,
                            null,
                            hashes,
                            false,
                            display);
            own.add(catalog.add(c));
        }
        if (own.size() == 1) {
            ids.forEach(inner -> catalog.edge(own.get(0), inner));
            return own;
        }
        List<String> all = new ArrayList<>(own);
        all.addAll(ids);
        return all;
    }

    private static String digest(String alg, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
