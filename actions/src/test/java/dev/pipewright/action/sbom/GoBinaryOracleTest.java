package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipewright.action.sbom.catalog.Cataloger;
import dev.pipewright.action.sbom.catalog.GoBinaryCataloger;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Go binary cataloger on executables built by the real Go toolchain, compared with {@code go
 * version -m} (the toolchain's own reader of the same build info). Offline: the dependency is
 * served by a {@code file://} module proxy the test writes, so {@code go} computes and embeds a
 * genuine {@code h1:} hash; a second dependency is replaced by a local directory. Skipped where
 * {@code go} is not installed ({@code .ci/run} installs golang-go).
 */
class GoBinaryOracleTest {
    @TempDir static Path dir;

    private static Path binary;
    private static Path stripped;
    private static String goVersionM;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(goAvailable(), "go is not installed");
        Path proxy = dir.resolve("proxy");
        writeProxyModule(
                proxy,
                "example.com/greet",
                "v1.2.3",
                Map.of("greet.go", "package greet\n\nfunc Hello() string { return \"hello\" }\n"));
        writeProxyModule(
                proxy,
                "example.com/deep/path/lib",
                "v0.4.1-0.20240102030405-abcdefabcdef",
                Map.of("lib.go", "package lib\n\nfunc N() int { return 4 }\n"));
        Path app = dir.resolve("app");
        write(
                app.resolve("go.mod"),
                """
                module example.com/app

                go 1.18

                require (
                \texample.com/deep/path/lib v0.4.1-0.20240102030405-abcdefabcdef
                \texample.com/greet v1.2.3
                \texample.com/local v0.0.0
                )

                replace example.com/local => ./local
                """);
        write(app.resolve("local/go.mod"), "module example.com/local\n\ngo 1.18\n");
        write(app.resolve("local/x.go"), "package local\n\nfunc X() int { return 1 }\n");
        write(
                app.resolve("main.go"),
                """
                package main

                import (
                \t"fmt"

                \t"example.com/deep/path/lib"
                \t"example.com/greet"
                \t"example.com/local"
                )

                func main() { fmt.Println(greet.Hello(), local.X(), lib.N()) }
                """);
        binary = dir.resolve("out/app");
        go(
                app,
                Map.of("GOPROXY", proxy.toUri().toString().replaceFirst("^file:/+", "file:///")),
                "build",
                "-trimpath",
                "-o",
                binary.toString(),
                ".");
        stripped = dir.resolve("out-stripped/app");
        go(
                app,
                Map.of("GOPROXY", proxy.toUri().toString().replaceFirst("^file:/+", "file:///")),
                "build",
                "-trimpath",
                "-ldflags=-s -w",
                "-o",
                stripped.toString(),
                ".");
        goVersionM = go(app, Map.of(), "version", "-m", binary.toString());
    }

    @Test
    void componentsEqualWhatGoVersionMReads() throws IOException {
        Catalog catalog = catalog(binary);
        TreeSet<String> ours = new TreeSet<>();
        for (Component c : catalog.components().values()) {
            String sha =
                    c.hashes().getOrDefault("SHA-256", new TreeSet<>()).stream()
                            .findFirst()
                            .orElse("");
            ours.add(c.name() + " " + (c.version() == null ? "" : c.version()) + " " + sha);
        }
        assertThat(ours).as(goVersionM).isEqualTo(expectedFromGoVersionM(goVersionM));
        assertThat(ours)
                .anyMatch(
                        s ->
                                s.startsWith("example.com/greet v1.2.3 ")
                                        && s.length() > "example.com/greet v1.2.3 ".length());
    }

    @Test
    void purlsAndGraphFollowThePurlSpec() throws IOException {
        Catalog catalog = catalog(binary);
        TreeSet<String> purls = new TreeSet<>();
        catalog.components().values().forEach(c -> purls.add(c.purl().toString()));
        String go = goVersionM.lines().findFirst().orElseThrow().replaceFirst("^.*: go", "");
        assertThat(purls)
                .containsExactlyInAnyOrder(
                        "pkg:golang/example.com/app",
                        "pkg:golang/example.com/greet@v1.2.3",
                        "pkg:golang/example.com/deep/path/lib@v0.4.1-0.20240102030405-abcdefabcdef",
                        "pkg:golang/stdlib@" + go);
        // The main module ((devel): no version) depends on everything else; it is what the binary
        // is.
        String main = catalog.direct().first();
        assertThat(catalog.components().get(main).name()).isEqualTo("example.com/app");
        assertThat(catalog.edges().get(main)).hasSize(3);
    }

    @Test
    void aLocalDirectoryReplacementIsReportedNotInvented() throws IOException {
        Catalog catalog = catalog(binary);
        assertThat(catalog.components().values()).noneMatch(c -> c.name().contains("local"));
        assertThat(catalog.unresolvedNotes())
                .containsExactly("app: example.com/local is replaced by local directory ./local");
    }

    @Test
    void strippedBinariesKeepTheirBuildInfo() throws IOException {
        // -s -w drops the symbol table and DWARF, not the .go.buildinfo section: syft and go
        // version -m still read it.
        assertThat(componentNames(catalog(stripped))).isEqualTo(componentNames(catalog(binary)));
    }

    @Test
    void aTruncatedGoBinaryIsReportedNotSilentlyEmpty() throws IOException {
        byte[] whole = Files.readAllBytes(binary);
        for (int length :
                new int[] {
                    whole.length / 2,
                    indexOf(whole, "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1)) + 34
                }) {
            Path half = dir.resolve("cut-" + length + "/app");
            Files.createDirectories(half.getParent());
            Files.write(half, Arrays.copyOf(whole, length));
            Catalog catalog = catalog(half);
            assertThat(catalog.components()).as("length " + length).isEmpty();
            assertThat(catalog.unresolvedNotes())
                    .as("length " + length)
                    .singleElement(InstanceOfAssertFactories.STRING)
                    .startsWith("app: Go ")
                    .contains("the file is truncated")
                    .endsWith("its modules are not listed");
        }
    }

    @Test
    void aNonGoExecutableStaysSilent() throws IOException {
        Path c = Path.of("/bin/true").toRealPath();
        assumeTrue(Files.isRegularFile(c) && new GoBinaryCataloger().accepts(c, "true"));
        Path copy = dir.resolve("c/true");
        Files.createDirectories(copy.getParent());
        Files.copy(c, copy, StandardCopyOption.REPLACE_EXISTING);
        assertThat(catalog(copy).unresolvedNotes()).isEmpty();
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= b.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (b[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no Go build info header");
    }

    private static TreeSet<String> componentNames(Catalog c) {
        TreeSet<String> names = new TreeSet<>();
        c.components().values().forEach(x -> names.add(x.name() + "@" + x.version()));
        return names;
    }

    /**
     * {@code path version sha256hex} per module line of {@code go version -m}: mod, dep (after =>),
     * Go itself.
     */
    static TreeSet<String> expectedFromGoVersionM(String out) {
        TreeSet<String> expected = new TreeSet<>();
        List<String[]> deps = new ArrayList<>();
        String[] lines = out.split("\n");
        expected.add("stdlib " + lines[0].replaceFirst("^.*: go", "").trim() + " ");
        for (String line : lines) {
            String[] f = line.strip().split("\t");
            switch (f[0]) {
                case "mod" -> expected.add(f[1] + " " + (f[2].equals("(devel)") ? "" : f[2]) + " ");
                case "dep" -> deps.add(f);
                case "=>" ->
                        deps.remove(
                                deps.size() - 1); // in this build the one replacement is a local
                // directory
                default -> {}
            }
        }
        for (String[] d : deps) {
            String hex = d.length > 3 ? toHex(Base64.getDecoder().decode(d[3].substring(3))) : "";
            expected.add(d[1] + " " + d[2] + " " + hex);
        }
        return expected;
    }

    private static Catalog catalog(Path exe) throws IOException {
        GoBinaryCataloger cataloger = new GoBinaryCataloger();
        assertThat(cataloger.accepts(exe, exe.getFileName().toString())).isTrue();
        Catalog catalog = new Catalog();
        cataloger.read(exe, exe.getFileName().toString(), catalog, new Cataloger.Options(false));
        return catalog;
    }

    private static void writeProxyModule(
            Path proxy, String module, String version, Map<String, String> files)
            throws IOException {
        Path v = proxy.resolve(module).resolve("@v");
        Files.createDirectories(v);
        String gomod = "module " + module + "\n\ngo 1.18\n";
        write(v.resolve("list"), version + "\n");
        write(
                v.resolve(version + ".info"),
                "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-02T03:04:05Z\"}\n");
        write(v.resolve(version + ".mod"), gomod);
        // The module zip as the proxy protocol defines it: files only (no directory entries) under
        // module@version/.
        try (OutputStream out = Files.newOutputStream(v.resolve(version + ".zip"));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            String prefix = module + "@" + version + "/";
            zip.putNextEntry(new ZipEntry(prefix + "go.mod"));
            zip.write(gomod.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(prefix + f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String go(Path workDir, Map<String, String> env, String... args)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("go"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.put("GOSUMDB", "off");
        e.put("GOFLAGS", "-mod=mod");
        e.put("GOTOOLCHAIN", "local");
        e.put("CGO_ENABLED", "0");
        e.put("GOMODCACHE", dir.resolve("modcache").toString());
        e.put("GOCACHE", dir.resolve("gocache").toString());
        e.put("GOPATH", dir.resolve("gopath").toString());
        e.putIfAbsent("GOPROXY", "off");
        e.putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }

    private static boolean goAvailable() {
        try {
            Process p = new ProcessBuilder("go", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String toHex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }
}
