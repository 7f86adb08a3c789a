package dev.pipewright.action.sbom;

import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The multi-ecosystem workspace of test resources {@code sbom/fixture}, plus a built jar and Go
 * binary.
 */
final class Fixture {
    private Fixture() {}

    static void copyInto(SimulatedRunner r) {
        Path src = TestData.resource("sbom/fixture");
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                r.copy(p, src.relativize(p).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        r.write("dist/app.jar", fatJar());
        r.write("bin/demo", goBinary());
    }

    /** A Spring-Boot-like jar: its own pom.properties and a nested library jar with one. */
    static byte[] fatJar() {
        byte[] inner =
                zip(
                        List.of(
                                new String[] {
                                    "META-INF/maven/org.slf4j/slf4j-api/pom.properties",
                                    "groupId=org.slf4j\nartifactId=slf4j-api\nversion=2.0.13\n"
                                },
                                new String[] {"org/slf4j/Logger.class", "x"}),
                        null);
        return zip(
                List.of(
                        new String[] {
                            "META-INF/MANIFEST.MF",
                            "Manifest-Version: 1.0\nImplementation-Title: app\n"
                        },
                        new String[] {
                            "META-INF/maven/com.example/app/pom.properties",
                            "groupId=com.example\nartifactId=app\nversion=3.1.0\n"
                        }),
                new Object[] {"BOOT-INF/lib/slf4j-api-2.0.13.jar", inner});
    }

    private static byte[] zip(List<String[]> entries, Object[] nested) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String[] e : entries) {
                ZipEntry ze = new ZipEntry(e[0]);
                ze.setTime(0);
                z.putNextEntry(ze);
                z.write(e[1].getBytes(StandardCharsets.UTF_8));
            }
            if (nested != null) {
                ZipEntry ze = new ZipEntry((String) nested[0]);
                ze.setTime(0);
                z.putNextEntry(ze);
                z.write((byte[]) nested[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An ELF file carrying Go 1.18+ build info as the linker writes it: the 32-byte {@code \xff Go
     * buildinf:} header (pointer size 8, flags 2 = inline strings) at a 16-byte boundary, then
     * varint-prefixed version and modinfo.
     */
    static byte[] goBinary() {
        String sentinel = "0w\u00af\f\u0092t\b\u0002A\u00e1\u00c1\u0007\u00e6\u00d6\u0018\u00e6";
        String modinfo =
                "path\texample.com/vault-plugin/cmd/plugin\n"
                        + "mod\texample.com/vault-plugin\tv1.4.0\th1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
                        + "dep\tgithub.com/hashicorp/vault/api\tv1.14.0\th1:Ah3CFLixD5jmjusOgm8grfN9M0d+Y8fVR2SW0K6pJLU=\n"
                        + "dep\tgolang.org/x/net\tv0.25.0\th1:d/OCCoBEUq33pjydKrGQhw7IlUPI2Oylr+8qLx49kac=\n"
                        + "=>\tgolang.org/x/net\tv0.26.0\th1:soB7SVo0PWrY4vPW/+ay0jKDNScG2X9wFeYlXIvJsOQ=\n"
                        + "build\t-compiler=gc\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        out.writeBytes(new byte[56]); // to offset 64
        byte[] header = new byte[32];
        byte[] magic = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(magic, 0, header, 0, magic.length);
        header[14] = 8;
        header[15] = 2;
        out.writeBytes(header);
        varString(out, "go1.22.3".getBytes(StandardCharsets.UTF_8));
        varString(out, (sentinel + modinfo + sentinel).getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[64]);
        return out.toByteArray();
    }

    private static void varString(ByteArrayOutputStream out, byte[] s) {
        int n = s.length;
        while (n >= 0x80) {
            out.write((n & 0x7f) | 0x80);
            n >>>= 7;
        }
        out.write(n);
        out.writeBytes(s);
    }
}
