package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The fixed CLI contract of {@code pipewright sbom} (acceptance checks use it). */
class SbomCommandTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new PipewrightCommand());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL);
        ActionCommands.addTo(cl, () -> env, () -> dir);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private void project() throws IOException {
        Files.createDirectories(dir.resolve("proj"));
        Files.writeString(
                dir.resolve("proj/go.mod"),
                "module example.com/x\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n");
        Files.writeString(dir.resolve("proj/requirements.txt"), "six==1.16.0\n");
    }

    @Test
    void oneFormatWritesTheNamedFile() throws IOException {
        project();
        assertThat(run("sbom", "--path", "proj", "--format", "spdx-json", "--output", "out/x.json"))
                .as(err.toString())
                .isZero();
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("out/x.json").toFile());
        assertThat(doc.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(out.toString())
                .contains("spdx-file=out/x.json\n", "cyclonedx-file=\n", "component-count=2\n");
    }

    @Test
    void severalFormatsWriteIntoTheDirectoryByName() throws IOException {
        project();
        assertThat(
                        run(
                                "sbom",
                                "--path",
                                "proj",
                                "--format",
                                "spdx-json,cyclonedx-json",
                                "--output",
                                "out",
                                "--name",
                                "svc",
                                "--artifact-version",
                                "2.0.0",
                                "--source-date-epoch",
                                "1700000000"))
                .as(err.toString())
                .isZero();
        assertThat(dir.resolve("out/svc.spdx.json")).exists();
        JsonNode cdx = new ObjectMapper().readTree(dir.resolve("out/svc.cdx.json").toFile());
        assertThat(cdx.at("/metadata/component/version").asText()).isEqualTo("2.0.0");
        String first = Files.readString(dir.resolve("out/svc.cdx.json"));
        assertThat(
                        run(
                                "sbom",
                                "--path",
                                "proj",
                                "--format",
                                "spdx-json,cyclonedx-json",
                                "--output",
                                "out",
                                "--name",
                                "svc",
                                "--artifact-version",
                                "2.0.0",
                                "--source-date-epoch",
                                "1700000000"))
                .isZero();
        assertThat(Files.readString(dir.resolve("out/svc.cdx.json"))).isEqualTo(first);
    }

    @Test
    void validateExitsZeroForValidAndOneForInvalidWithReasons() throws IOException {
        for (String f : new String[] {"invalid-example-app.cdx.json", "example-app.spdx.json"}) {
            try (var in = getClass().getResourceAsStream("/sbom/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        assertThat(run("sbom", "--validate", "example-app.spdx.json")).isZero();
        assertThat(run("sbom", "--validate", "invalid-example-app.cdx.json")).isEqualTo(1);
        assertThat(err.toString())
                .contains(
                        "invalid-example-app.cdx.json is not a valid CycloneDX 1.6 document: 2 problems",
                        "serialNumber",
                        "required property 'type' not found");
    }

    @Test
    void malformedLockfileExitsTwo() throws IOException {
        Files.writeString(dir.resolve("Cargo.lock"), "[[package]\nname = 1\n");
        assertThat(run("sbom", "--path", ".", "--output", "o.json")).isEqualTo(2);
        // Jackson's TOML lexer reports the line where it noticed the problem: after the newline
        // that ends line 1.
        assertThat(err.toString())
                .contains("sbom: Cargo.lock:2:", ": malformed TOML: Unexpected token");
        assertThat(dir.resolve("o.json")).doesNotExist();
    }

    @Test
    void helpListsTheInputsAndTheArtifactVersionNextToTheStandardVersion() {
        assertThat(run("sbom", "--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "--path",
                        "--format",
                        "--output",
                        "--validate",
                        "--artifact-version",
                        "--version",
                        "--include-dev",
                        "--source-date-epoch");
    }
}
