package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import dev.pipewright.action.sbom.catalog.Cataloger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lockfiles the fuzz campaigns broke: each is refused with a LockfileException naming the file and
 * the place and saying what to do, where a bare decoder, purl or base64 exception escaped before
 * (docs/reliability.md).
 */
class LockfileBadInputTest {
    @TempDir Path tmp;

    private void read(String name, byte[] data) throws IOException {
        Path file = Files.createDirectories(tmp.resolve(name.replace('.', '_'))).resolve(name);
        Files.write(file, data);
        for (Cataloger c : Scanner.CATALOGERS) {
            if (c.accepts(file, name)) {
                c.read(file, name, new Catalog(), new Cataloger.Options(true));
                return;
            }
        }
        throw new IllegalStateException("no cataloger reads " + name);
    }

    /**
     * The fixture's file with a Latin-1 'é' (byte 0xE9, not UTF-8) put two bytes after the first
     * line feed: at line 2, column 3, or at line 3, column 2 where line 2 is blank.
     */
    private static byte[] latin1OnLine2(String fixture) throws IOException {
        byte[] in = Files.readAllBytes(TestData.resource("sbom/fixture/" + fixture));
        int at = new String(in, StandardCharsets.UTF_8).indexOf('\n') + 1 + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(in, 0, at);
        out.write(0xE9);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({
        "go/go.mod, go.mod, 3:2",
        "go/go.sum, go.sum, 2:3",
        "yarn/yarn.lock, yarn.lock, 2:3",
        "py/uv/uv.lock, uv.lock, 2:3",
        "py/poetry/poetry.lock, poetry.lock, 2:3",
        "py/req/requirements.txt, requirements.txt, 2:3",
        "rust/Cargo.lock, Cargo.lock, 2:3",
        "gradle/gradle.lockfile, gradle.lockfile, 2:3",
        "pnpm/pnpm-lock.yaml, pnpm-lock.yaml, 3:2"
    })
    void aByteThatIsNotUtf8IsRefusedAtItsLineAndColumn(String fixture, String name, String at)
            throws IOException {
        byte[] data = latin1OnLine2(fixture);
        assertThatThrownBy(() -> read(name, data))
                .isInstanceOf(LockfileException.class)
                .hasMessage(
                        name
                                + ":"
                                + at
                                + ": the file is not valid UTF-8 (byte 0xE9); lockfiles are written as UTF-8:"
                                + " regenerate it, or save it as UTF-8");
    }

    @Test
    void aNotUtf8LockfileEndsTheActionWithExitTwo() throws IOException {
        try (SimulatedRunner r = new SimulatedRunner()) {
            Fixture.copyInto(r);
            r.write("py/req/requirements.txt", latin1OnLine2("py/req/requirements.txt"));
            SimulatedRunner.Step step =
                    r.input("format", "spdx-json").input("output", "out").run(new SbomAction());
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains(
                            "::error::sbom: py/req/requirements.txt:2:3: the file is not valid UTF-8");
        }
    }

    @Test
    void aPackageWithoutANameIsRefusedWhereItIsWritten() {
        String[][] cases = {
            {
                "uv.lock",
                "version = 1\n\n[[package]]\nname = \"a\"\nversion = \"1\"\n\n[[package]]\nname = \"\"\nversion = \"2\"\n",
                "uv.lock:7: a [[package]] has no name; regenerate the lock with 'uv lock'"
            },
            {
                "poetry.lock",
                "[[package]]\nname = \"\"\nversion = \"1\"\n\n[metadata]\n",
                "poetry.lock:1: a [[package]] has no name; regenerate the lock with 'poetry lock'"
            },
            {
                "Cargo.lock",
                "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"1\"\n\n[[package]]\nversion = \"2\"\n",
                "Cargo.lock:7: a [[package]] needs name and version; regenerate the lock with 'cargo generate-lockfile'"
            },
            {
                "go.mod",
                "module example.com/demo\n\nrequire github.com/google/ v1.6.0\n",
                "go.mod:3: 'github.com/google/' is not a module path (elements separated by single slashes, none"
                        + " empty); fix the line or run 'go mod tidy'"
            },
            {
                "go.sum",
                "github.com/google/ v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\n",
                "go.sum:1: 'github.com/google/' is not a module path (elements separated by single slashes, none"
                        + " empty); fix the line or run 'go mod tidy'"
            },
            {
                "Pipfile.lock",
                "{\"_meta\": {},\n \"default\": {\n  \"\": {\"version\": \"==1.0\"}}}\n",
                "Pipfile.lock:3: a package in 'default' has an empty name; regenerate the lock with 'pipenv lock'"
            }
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> read(c[0], c[1].getBytes(StandardCharsets.UTF_8)))
                    .as(c[0])
                    .isInstanceOf(LockfileException.class)
                    .hasMessage(c[2]);
        }
    }

    @Test
    void aTaggedYamlValueThatDoesNotParseIsRefusedAtItsNode() {
        // a mutation of astro's pnpm-lock.yaml put '!!binary ' before an integrity; SnakeYAML's
        // base64 error escaped
        String lock =
                "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: !!binary sha512-abc}\n";
        assertThatThrownBy(() -> read("pnpm-lock.yaml", lock.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LockfileException.class)
                .hasMessageStartingWith(
                        "pnpm-lock.yaml:4:29: cannot read this tag:yaml.org,2002:binary value (")
                .hasMessageEndingWith("); remove the tag or fix the value");
    }

    @Test
    void anXmlEncodingJavaCannotReadIsRefusedOnTheDeclaration() {
        String pom =
                "<?xml version=\"1.0\" encoding=\"UTF-n\"?>\n<project><artifactId>a</artifactId></project>\n";
        assertThatThrownBy(() -> read("pom.xml", pom.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LockfileException.class)
                .hasMessage(
                        "pom.xml:1: the XML declaration names encoding 'UTF-n', which is not one Java reads;"
                                + " declare encoding=\"UTF-8\" and save the file as UTF-8");
    }

    @Test
    void aBerryEntryWhoseResolutionNamesNoPackageIsRefusedAtTheEntry() {
        // a mutation of docker/build-push-action's berry yarn.lock cut a resolution down to
        // 'resolution: !!str' (empty)
        String lock =
                "__metadata:\n  version: 8\n\n\"a@npm:^1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n\n"
                        + "\"b@npm:^2\":\n  version: 2.0.0\n  resolution: !!str\n";
        assertThatThrownBy(() -> read("yarn.lock", lock.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LockfileException.class)
                .hasMessage(
                        "yarn.lock:8: entry 'b@npm:^2' resolves to '', which names no package"
                                + " (expected name@npm:version); run yarn install to rewrite the lockfile");
    }

    @Test
    void aParentThatIsNotAMavenCoordinateIsRefusedAtTheParent() {
        // mutations of the child POM fixture put '|', '{' or '}' in the parent's groupId; the
        // repository look-up built
        // a URI of it and URI's IllegalArgumentException escaped
        String pom =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n"
                        + "  <parent>\n    <groupId>co|m.example</groupId>\n    <artifactId>parent</artifactId>\n"
                        + "    <version>2.0.0</version>\n  </parent>\n  <artifactId>child</artifactId>\n</project>\n";
        assertThatThrownBy(() -> read("pom.xml", pom.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LockfileException.class)
                .hasMessage(
                        "pom.xml:4: parent co|m.example:parent:2.0.0 is not a valid Maven coordinate (groupId and"
                                + " artifactId are letters, digits, '_', '-' and '.'); fix the <parent> element");
    }
}
