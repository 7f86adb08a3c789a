package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipewright.action.InputException;
import dev.pipewright.action.sbom.catalog.Cataloger;
import dev.pipewright.fuzz.Campaign;
import dev.pipewright.fuzz.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets of the SBOM's lockfile and manifest readers, one per file name a cataloger accepts:
 * a file is read, or refused with an InputException whose message is {@code file:line: reason}.
 * Nothing else escapes.
 */
class SbomFuzzTest {
    /**
     * File names the text catalogers read; seeds are the fixtures' and the shared lockfiles of that
     * name.
     */
    static final List<String> NAMES =
            List.of(
                    "go.mod",
                    "go.sum",
                    "package-lock.json",
                    "pnpm-lock.yaml",
                    "yarn.lock",
                    "uv.lock",
                    "poetry.lock",
                    "Pipfile.lock",
                    "requirements.txt",
                    "Cargo.lock",
                    "pom.xml",
                    "gradle.lockfile");

    private static Path dir;

    @BeforeAll
    static void tempDir() throws IOException {
        dir = Files.createTempDirectory("sbom-fuzz");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void read(byte[] data, String name) throws IOException {
        // each name in a folder of its own: go.sum is read only where no go.mod is beside it
        Path file = Files.createDirectories(dir.resolve(name.replace('.', '_'))).resolve(name);
        Files.write(file, data);
        for (Cataloger c : Scanner.CATALOGERS) {
            if (c.accepts(file, name)) {
                c.read(file, name, new Catalog(), new Cataloger.Options(true));
                return;
            }
        }
        throw new IllegalStateException("no cataloger reads " + name);
    }

    static boolean documented(Throwable t) {
        return t instanceof InputException && Campaign.located(t.getMessage());
    }

    static List<Seeds.Seed> seeds(String name) {
        List<Seeds.Seed> seeds =
                new ArrayList<>(
                        Seeds.files(
                                Path.of("actions/src/test/resources/sbom"), n -> n.equals(name)));
        seeds.addAll(
                Seeds.files(
                        Seeds.shared().resolve("reference/lockfiles"),
                        n -> n.equals(name) || n.endsWith("__" + name)));
        return seeds;
    }

    @Test
    void everyLockfileReader() {
        List<String> failures = new ArrayList<>();
        for (String name : NAMES) {
            List<Seeds.Seed> seeds = seeds(name);
            assertThat(seeds).as(name).isNotEmpty();
            failures.addAll(
                    Campaign.run(
                                    "sbom-" + name,
                                    seeds,
                                    Path.of("actions/src/test/resources/fuzz/sbom-" + name),
                                    Campaign.count(10),
                                    d -> read(d, name),
                                    SbomFuzzTest::documented)
                            .failures());
        }
        assertThat(failures).isEmpty();
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzLockfiles(byte[] data) {
        for (String name : NAMES) {
            try {
                read(data, name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InputException e) {
                if (!documented(e)) {
                    throw e;
                }
            }
        }
    }
}
