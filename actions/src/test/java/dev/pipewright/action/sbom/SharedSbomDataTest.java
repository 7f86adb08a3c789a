package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.action.TestData;
import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The copies in test and main resources stay byte-identical to shared/reference (see the SOURCE.md
 * files).
 */
class SharedSbomDataTest {
    @Test
    void copiesEqualTheSharedOriginals() throws IOException {
        Path ref = SharedData.require("reference");
        check(
                TestData.resource("sbom/purl-tests"),
                ref.resolve("purl-tests"),
                ref.resolve("purl-tests/types"));
        check(
                TestData.resource("sbom/samples"),
                ref.resolve("sbom-samples"),
                ref.resolve("sbom-samples/cyclonedx-spec-tests"));
        Path schemas =
                Path.of(
                        System.getProperty("pipewright.root"),
                        "actions/src/main/resources/dev/pipewright/action/sbom/schemas");
        check(schemas, ref.resolve("schemas"), ref.resolve("schemas"));
    }

    private static void check(Path copies, Path... originals) throws IOException {
        try (var files = Files.list(copies)) {
            for (Path f :
                    files.filter(p -> !p.getFileName().toString().equals("SOURCE.md")).toList()) {
                Path original = null;
                for (Path dir : originals) {
                    if (Files.exists(dir.resolve(f.getFileName().toString()))) {
                        original = dir.resolve(f.getFileName().toString());
                    }
                }
                assertThat(original).as("original of " + f).isNotNull();
                assertThat(f).hasSameBinaryContentAs(original);
            }
        }
    }
}
