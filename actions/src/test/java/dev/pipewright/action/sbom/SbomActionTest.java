package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** sbom end to end through the simulated runner, on the multi-ecosystem fixture. */
class SbomActionTest {
    private static final SbomAction ACTION = new SbomAction();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runtime components of the fixture: one line per purl, by ecosystem. */
    static final Set<String> RUNTIME =
            Set.of(
                    "pkg:golang/github.com/google/uuid@v1.6.0",
                    "pkg:golang/github.com/docker/docker@v24.0.7%2Bincompatible",
                    "pkg:golang/golang.org/x/sys@v0.0.0-20240101000000-abcdefabcdef",
                    "pkg:golang/example.com/new@v1.2.0",
                    "pkg:golang/example.com/vault-plugin@v1.4.0",
                    "pkg:golang/github.com/hashicorp/vault/api@v1.14.0",
                    "pkg:golang/golang.org/x/net@v0.26.0",
                    "pkg:golang/stdlib@1.22.3",
                    "pkg:npm/%40scope/lib@1.0.0",
                    "pkg:npm/ms@2.0.0",
                    "pkg:npm/strip-ansi@6.0.1",
                    "pkg:npm/left-pad@1.3.0",
                    "pkg:npm/%40babel/helper@7.1.2",
                    "pkg:npm/tiny@1.0.4",
                    "pkg:pypi/requests@2.32.3",
                    "pkg:pypi/idna@3.7",
                    "pkg:pypi/typing-extensions@4.12.2",
                    "pkg:pypi/six@1.16.0",
                    "pkg:pypi/pyyaml@6.0.1",
                    "pkg:pypi/click",
                    "pkg:pypi/attrs@23.2.0",
                    "pkg:cargo/serde@1.0.200",
                    "pkg:cargo/tao@0.30.0",
                    "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1",
                    "pkg:maven/com.example/sibling@2.0.0",
                    "pkg:maven/org.unknown/mystery",
                    "pkg:maven/com.google.guava/guava@33.0.0-jre",
                    "pkg:maven/com.example/app@3.1.0",
                    "pkg:maven/org.slf4j/slf4j-api@2.0.13",
                    "pkg:github/actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
                    "pkg:github/github/codeql-action@v3#init",
                    "pkg:github/octo-org/shared@v1#.github/workflows/build.yml",
                    "pkg:github/actions/setup-go@v5");

    /** Dev-only components: in the document only with include-dev. */
    static final Set<String> DEV =
            Set.of(
                    "pkg:npm/jest-lite@2.0.0",
                    "pkg:npm/is-odd@3.0.1",
                    "pkg:npm/is-number@6.0.0",
                    "pkg:npm/ms@2.1.3",
                    "pkg:pypi/pytest@8.3.2",
                    "pkg:pypi/black@24.4.0",
                    "pkg:pypi/flake8@7.0.0",
                    "pkg:maven/org.junit.jupiter/junit-jupiter@5.10.2",
                    "pkg:maven/junit/junit@4.13.2");

    @Test
    void bothFormatsIntoADirectoryWithRuntimeComponentsOnly() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            Fixture.copyInto(r);
            SimulatedRunner.Step step =
                    r.input("format", "spdx-json,cyclonedx-json")
                            .input("output", "sbom")
                            .input("name", "demo")
                            .input("version", "1.0.0")
                            .input("source-date-epoch", "1700000000")
                            .run(ACTION);
            assertThat(step.exit()).as(step.stdout() + step.stderr()).isEqualTo(ExitCode.OK);
            assertThat(step.outputs())
                    .containsEntry("spdx-file", "sbom/demo.spdx.json")
                    .containsEntry("cyclonedx-file", "sbom/demo.cdx.json")
                    .containsEntry("component-count", String.valueOf(RUNTIME.size()));
            JsonNode cdx = JSON.readTree(r.workspace().resolve("sbom/demo.cdx.json").toFile());
            JsonNode spdx = JSON.readTree(r.workspace().resolve("sbom/demo.spdx.json").toFile());
            assertThat(purls(cdx)).isEqualTo(new TreeSet<>(RUNTIME));
            assertThat(spdxPurls(spdx)).isEqualTo(new TreeSet<>(RUNTIME));
            assertThat(SbomValidator.validate(cdx).errors()).isEmpty();
            assertThat(SbomValidator.validate(spdx).errors()).isEmpty();
            assertThat(cdx.at("/metadata/component/name").asText()).isEqualTo("demo");
            assertThat(cdx.at("/metadata/timestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
            assertThat(cdx.path("serialNumber").asText())
                    .matches(
                            "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(spdx.at("/creationInfo/created").asText()).isEqualTo("2023-11-14T22:13:20Z");
            assertThat(spdx.path("documentNamespace").asText())
                    .startsWith("https://pipewright.dev/spdxdocs/demo-");
            assertThat(step.summary())
                    .contains(
                            "### 📦 SBOM of demo 1.0.0: " + RUNTIME.size() + " components",
                            "| npm | 6 | 0 |",
                            "| GitHub Actions | 4 | 0 |",
                            "example.com/local is replaced by local directory ./local",
                            "org.unknown:mystery has no version: no dependencyManagement entry",
                            "click is not pinned");
        }
    }

    @Test
    void includeDevAddsDevComponentsWithOptionalScope() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            Fixture.copyInto(r);
            SimulatedRunner.Step step =
                    r.input("format", "cyclonedx-json")
                            .input("output", "bom.json")
                            .input("include-dev", "true")
                            .run(ACTION);
            assertThat(step.exit()).as(step.stderr() + step.stdout()).isEqualTo(ExitCode.OK);
            JsonNode cdx = JSON.readTree(r.workspace().resolve("bom.json").toFile());
            Set<String> all = new TreeSet<>(RUNTIME);
            all.addAll(DEV);
            assertThat(purls(cdx)).isEqualTo(all);
            for (JsonNode c : cdx.path("components")) {
                assertThat(c.path("scope").asText("required"))
                        .as(c.path("purl").asText())
                        .isEqualTo(DEV.contains(c.path("purl").asText()) ? "optional" : "required");
            }
            assertThat(step.outputs())
                    .containsEntry("spdx-file", "")
                    .containsEntry("cyclonedx-file", "bom.json");
        }
    }

    @Test
    void graphFollowsTheLockfiles() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            Fixture.copyInto(r);
            SimulatedRunner.Step step =
                    r.input("format", "cyclonedx-json")
                            .input("output", "bom.json")
                            .input("include-dev", "true")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.OK);
            JsonNode cdx = JSON.readTree(r.workspace().resolve("bom.json").toFile());
            // Node resolution: @scope/lib gets its nested ms 2.0.0, jest-lite the hoisted 2.1.3.
            assertThat(dependsOn(cdx, "pkg:npm/%40scope/lib@1.0.0"))
                    .containsExactly("pkg:npm/ms@2.0.0");
            assertThat(dependsOn(cdx, "pkg:npm/jest-lite@2.0.0"))
                    .containsExactly("pkg:npm/ms@2.1.3");
            assertThat(dependsOn(cdx, "pkg:npm/is-odd@3.0.1"))
                    .containsExactly("pkg:npm/is-number@6.0.0");
            assertThat(dependsOn(cdx, "pkg:npm/%40babel/helper@7.1.2"))
                    .containsExactly("pkg:npm/tiny@1.0.4");
            assertThat(dependsOn(cdx, "pkg:pypi/requests@2.32.3"))
                    .containsExactly("pkg:pypi/idna@3.7");
            assertThat(dependsOn(cdx, "pkg:pypi/black@24.4.0"))
                    .containsExactly("pkg:pypi/typing-extensions@4.12.2");
            assertThat(dependsOn(cdx, "pkg:cargo/tao@0.30.0"))
                    .containsExactly("pkg:cargo/serde@1.0.200");
            assertThat(dependsOn(cdx, "pkg:maven/com.example/app@3.1.0"))
                    .containsExactly("pkg:maven/org.slf4j/slf4j-api@2.0.13");
            assertThat(dependsOn(cdx, "pkg:golang/example.com/vault-plugin@v1.4.0"))
                    .contains("pkg:golang/golang.org/x/net@v0.26.0", "pkg:golang/stdlib@1.22.3");
            assertThat(dependsOn(cdx, CycloneDxWriter.ROOT_REF))
                    .contains(
                            "pkg:npm/%40scope/lib@1.0.0",
                            "pkg:npm/strip-ansi@6.0.1",
                            "pkg:npm/left-pad@1.3.0",
                            "pkg:pypi/requests@2.32.3",
                            "pkg:cargo/serde@1.0.200",
                            "pkg:golang/github.com/google/uuid@v1.6.0",
                            "pkg:github/actions/setup-go@v5",
                            "pkg:maven/com.example/app@3.1.0")
                    .doesNotContain(
                            "pkg:golang/golang.org/x/sys@v0.0.0-20240101000000-abcdefabcdef");
        }
    }

    @Test
    void hashesComeFromTheLockfiles() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            Fixture.copyInto(r);
            assertThat(
                            r.input("format", "cyclonedx-json")
                                    .input("output", "bom.json")
                                    .run(ACTION)
                                    .exit())
                    .isZero();
            JsonNode cdx = JSON.readTree(r.workspace().resolve("bom.json").toFile());
            // go.sum zip h1 (base64) as hex; the /go.mod line of example.com/new gives none.
            assertThat(hash(cdx, "pkg:golang/github.com/google/uuid@v1.6.0", "SHA-256"))
                    .isEqualTo("348bda24330eb231c0f27d630212d2833ac0cf2d4782bfa136b6f9edefbde05d");
            assertThat(hash(cdx, "pkg:golang/example.com/new@v1.2.0", "SHA-256")).isNull();
            assertThat(hash(cdx, "pkg:cargo/serde@1.0.200", "SHA-256"))
                    .isEqualTo("ddc6f9cc94d67c0e21aaf7eda3a010fd3af78ebf6e096aa6e2e13c79749cce4f");
            assertThat(hash(cdx, "pkg:pypi/requests@2.32.3", "SHA-256"))
                    .isEqualTo("55365417734eb18255590a9ff9eb97e9e1da868d4ccd6402399eaf68af20a760");
            assertThat(hash(cdx, "pkg:pypi/typing-extensions@4.12.2", "SHA-256"))
                    .isEqualTo("1a7ead55c7e559dd4dee8856e3a88b41225abfe1ce8df57b7c13915fe121ffb8");
            assertThat(hash(cdx, "pkg:npm/left-pad@1.3.0", "SHA-512"))
                    .startsWith("5c8e4c3f354d0298c0ca143");
            assertThat(hash(cdx, "pkg:maven/com.example/app@3.1.0", "SHA-1")).hasSize(40);
        }
    }

    @Test
    void identicalInputGivesByteIdenticalDocumentsWithAnEpoch() throws Exception {
        String[] first = new String[2];
        for (int run = 0; run < 2; run++) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                Fixture.copyInto(r);
                r.env("SOURCE_DATE_EPOCH", "1700000000");
                assertThat(
                                r.input("format", "spdx-json,cyclonedx-json")
                                        .input("name", "demo")
                                        .run(ACTION)
                                        .exit())
                        .isZero();
                String spdx = Files.readString(r.workspace().resolve("demo.spdx.json"));
                String cdx = Files.readString(r.workspace().resolve("demo.cdx.json"));
                if (run == 0) {
                    first[0] = spdx;
                    first[1] = cdx;
                } else {
                    assertThat(spdx).isEqualTo(first[0]);
                    assertThat(cdx).isEqualTo(first[1]);
                }
            }
        }
        // A different epoch is a different document: new namespace and serial number.
        try (SimulatedRunner r = new SimulatedRunner()) {
            Fixture.copyInto(r);
            assertThat(
                            r.input("format", "spdx-json,cyclonedx-json")
                                    .input("name", "demo")
                                    .input("source-date-epoch", "1700000001")
                                    .run(ACTION)
                                    .exit())
                    .isZero();
            JsonNode spdx = JSON.readTree(r.workspace().resolve("demo.spdx.json").toFile());
            assertThat(spdx.path("documentNamespace").asText())
                    .isNotEqualTo(JSON.readTree(first[0]).path("documentNamespace").asText());
            assertThat(
                            JSON.readTree(r.workspace().resolve("demo.cdx.json").toFile())
                                    .path("serialNumber")
                                    .asText())
                    .isNotEqualTo(JSON.readTree(first[1]).path("serialNumber").asText());
        }
    }

    @Test
    void malformedLockfileExitsTwoNamingFileAndLineAndWritesNothing() {
        String[][] cases = {
            {
                "web/package-lock.json",
                "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {,\n",
                "web/package-lock.json:4:10: malformed JSON"
            },
            {
                "rust/Cargo.lock",
                "version = 4\n\n[[package]]\nname = \"x\nversion = \"1\"\n",
                "rust/Cargo.lock:4:10: malformed TOML"
            },
            {
                "pnpm/pnpm-lock.yaml",
                "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {\n  b: [\n",
                "pnpm/pnpm-lock.yaml:"
            },
            {
                "go/go.mod",
                "module x\n\nrequire (\n\tgithub.com/a/b\n)\n",
                "go/go.mod:4: require needs 'module version'"
            },
            {
                "yarn/yarn.lock",
                "# yarn lockfile v1\n\nfoo@^1.0.0:\n  version\n",
                "yarn/yarn.lock:4: expected 'key value'"
            },
            {
                "java/pom.xml",
                "<project>\n<dependencies>\n</project>\n",
                "java/pom.xml:3: not well-formed XML"
            },
            {
                "gradle.lockfile",
                "com.google:guava=compileClasspath\n",
                "gradle.lockfile:1: expected 'group:artifact:version"
            },
        };
        for (String[] c : cases) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                Fixture.copyInto(r);
                r.write(c[0], c[1]);
                SimulatedRunner.Step step =
                        r.input("format", "spdx-json,cyclonedx-json")
                                .input("output", "out")
                                .run(ACTION);
                assertThat(step.exit()).as(c[0]).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(step.stdout()).as(c[0]).contains("::error::sbom: " + c[2]);
                assertThat(r.workspace().resolve("out")).as("nothing half-written").doesNotExist();
                assertThat(step.outputs()).isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void unknownFilesAreIgnored() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.write("README.md", "# hi\n");
            r.write("data/config.json", "{\"not\": \"a lockfile\"}");
            r.write("bin/script", "#!/bin/sh\necho hi\n");
            SimulatedRunner.Step step =
                    r.input("output", "bom.spdx.json").input("name", "empty").run(ACTION);
            assertThat(step.exit()).isZero();
            assertThat(step.outputs()).containsEntry("component-count", "0");
            JsonNode spdx = JSON.readTree(r.workspace().resolve("bom.spdx.json").toFile());
            assertThat(spdx.path("packages")).hasSize(1);
            assertThat(SbomValidator.validate(spdx).errors()).isEmpty();
        }
    }

    @Test
    void badInputsAreNamed() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            assertThat(r.input("format", "syft-json").run(ACTION).stdout())
                    .contains("input 'format': 'syft-json' is not");
        }
        try (SimulatedRunner r = new SimulatedRunner()) {
            SimulatedRunner.Step step = r.input("source-date-epoch", "yesterday").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains("input 'source-date-epoch': expected seconds since 1970");
        }
        try (SimulatedRunner r = new SimulatedRunner()) {
            SimulatedRunner.Step step = r.input("path", "../outside").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
        }
    }

    @Test
    void validateAcceptsTheValidSamplesAndRejectsTheInvalidOnes() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(TestData.resource("sbom/samples"))) {
            samples = s.sorted().toList();
        }
        assertThat(samples).hasSize(13);
        for (Path sample : samples) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                r.copy(sample, "doc.json");
                SimulatedRunner.Step step = r.input("validate", "doc.json").run(ACTION);
                boolean invalid = sample.getFileName().toString().startsWith("invalid-");
                assertThat(step.exit())
                        .as(sample.getFileName() + step.stdout())
                        .isEqualTo(invalid ? 1 : 0);
                assertThat(step.summary()).contains(invalid ? "❌" : "✅");
            }
        }
    }

    @Test
    void validateNamesEachProblem() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(
                    TestData.resource("sbom/samples/invalid-example-app.spdx.json"),
                    "bad.spdx.json");
            SimulatedRunner.Step step = r.input("validate", "bad.spdx.json").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
            // The schema catches the missing downloadLocation; only our relationship check catches
            // the dangling ids.
            assertThat(step.summary()).contains("downloadLocation", "no SPDX element has id");
        }
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.copy(TestData.resource("sbom/samples/invalid-example-app.cdx.json"), "bad.cdx.json");
            SimulatedRunner.Step step = r.input("validate", "bad.cdx.json").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(step.summary()).contains("serialNumber", "type");
        }
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.write("broken.json", "{\n\"spdxVersion\": \"SPDX-2.3\",\n\"name\": }\n");
            SimulatedRunner.Step step = r.input("validate", "broken.json").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains("broken.json:3:")
                    .contains(": malformed JSON")
                    .doesNotContain("Source");
        }
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.write("other.json", "{\"foo\":1}\n");
            SimulatedRunner.Step step = r.input("validate", "other.json").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains("other.json:1: neither an SPDX nor a CycloneDX document")
                    .doesNotContain("unknown");
        }
    }

    static Set<String> purls(JsonNode cdx) {
        Set<String> out = new TreeSet<>();
        cdx.path("components").forEach(c -> out.add(c.path("purl").asText()));
        return out;
    }

    static Set<String> spdxPurls(JsonNode spdx) {
        Set<String> out = new TreeSet<>();
        spdx.path("packages")
                .forEach(
                        p ->
                                p.path("externalRefs")
                                        .forEach(
                                                x -> out.add(x.path("referenceLocator").asText())));
        return out;
    }

    private static List<String> dependsOn(JsonNode cdx, String ref) {
        for (JsonNode d : cdx.path("dependencies")) {
            if (d.path("ref").asText().equals(ref)) {
                return JSON.convertValue(
                        d.path("dependsOn"),
                        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            }
        }
        return List.of();
    }

    private static String hash(JsonNode cdx, String purl, String alg) {
        for (JsonNode c : cdx.path("components")) {
            if (c.path("purl").asText().equals(purl)) {
                for (JsonNode h : c.path("hashes")) {
                    if (h.path("alg").asText().equals(alg)) {
                        return h.path("content").asText();
                    }
                }
            }
        }
        return null;
    }

    @Test
    void aTruncatedJarIsBadInputNamingTheFile() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf)) {
            zip.putNextEntry(new ZipEntry("data.bin"));
            byte[] noise = new byte[1 << 20];
            new Random(7).nextBytes(noise);
            zip.write(noise);
            zip.closeEntry();
        }
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.write("in/t.jar", Arrays.copyOf(buf.toByteArray(), 3000));
            SimulatedRunner.Step s = r.input("path", "in").input("output", "s.json").run(ACTION);
            assertThat(s.exit()).as(s.stdout() + s.stderr()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains("::error::sbom: in/t.jar:1: corrupt or truncated archive")
                    .doesNotContain("Exception:");
            assertThat(s.stderr()).doesNotContain("at dev.pipewright");
            assertThat(r.workspace().resolve("s.json")).doesNotExist();
        }
    }

    @Test
    void outputUnderARegularFileIsBadInput() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.write("go.mod", "module example.com/x\n\ngo 1.22\n");
            r.write("f", "x");
            SimulatedRunner.Step s = r.input("output", "f/x.json").run(ACTION);
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains(
                            "::error::sbom: input 'output': cannot write f/x.json: f is a file, not a directory");
        }
    }
}
