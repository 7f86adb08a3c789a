package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The fixed CLI contract of {@code pipewright sign|sign keygen|verify|attest|checksums}. */
class SigningCommandsTest {
    private static final String PASSWORD = "correct horse battery staple";
    @TempDir Path dir;
    private StringWriter out;
    private StringWriter err;
    private final StringBuilder allOutput = new StringBuilder();
    private final Map<String, String> env = new HashMap<>();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = new CommandLine(new PipewrightCommand());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL);
        ActionCommands.addTo(cl, () -> env, () -> dir);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        allOutput.append(out).append(err);
        return code;
    }

    @BeforeEach
    void files() throws IOException {
        env.put("PW", PASSWORD);
        Files.writeString(dir.resolve("a.txt"), "artifact a\n");
        Files.writeString(dir.resolve("b.txt"), "artifact b\n");
        try (var in = getClass().getResourceAsStream("/signing/example-app.cdx.json")) {
            Files.copy(in, dir.resolve("sbom.cdx.json"));
        }
        assertThat(run("sign", "keygen", "--output-dir", "keys", "--password-env", "PW"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("private-key=keys/cosign.key\n", "public-key=keys/cosign.pub\n");
        assertThat(Files.readString(dir.resolve("keys/cosign.key")))
                .startsWith("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n");
    }

    @Test
    void signThenVerifySignatureAndBundle() throws IOException {
        assertThat(
                        run(
                                "sign",
                                "--key",
                                "keys/cosign.key",
                                "--password-env",
                                "PW",
                                "--files",
                                "a.txt",
                                "b.txt",
                                "--output-dir",
                                "out"))
                .as(err.toString())
                .isZero();
        assertThat(dir.resolve("out/a.txt.sig")).exists();
        assertThat(dir.resolve("out/b.txt.sigstore.json")).exists();
        assertThat(out.toString()).contains("signatures<<", "out/a.txt.sig\nout/b.txt.sig\n");
        assertThat(
                        run(
                                "verify",
                                "--key",
                                "keys/cosign.pub",
                                "--files",
                                "a.txt",
                                "--signature",
                                "out/a.txt.sig"))
                .isZero();
        assertThat(out.toString()).contains("verified=true\n", "kind=signature\n");
        assertThat(
                        run(
                                "verify",
                                "--key",
                                "keys/cosign.pub",
                                "--files",
                                "b.txt",
                                "--bundle",
                                "out/b.txt.sigstore.json"))
                .isZero();
        assertThat(
                        run(
                                "verify",
                                "--key",
                                "keys/cosign.pub",
                                "--files",
                                "a.txt",
                                "--bundle",
                                "out/b.txt.sigstore.json"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("verify: digest mismatch");
        assertThat(
                        run(
                                "verify",
                                "--key",
                                "keys/cosign.pub",
                                "--files",
                                "b.txt",
                                "--signature",
                                "out/a.txt.sig"))
                .isEqualTo(1);
        assertThat(allOutput).doesNotContain(PASSWORD);
    }

    @Test
    void signDefaultsToBesideEachFileAndNeedsTheRightPassword() {
        assertThat(
                        run(
                                "sign",
                                "--key",
                                "keys/cosign.key",
                                "--password-env",
                                "PW",
                                "--files",
                                "a.txt"))
                .isZero();
        assertThat(dir.resolve("a.txt.sig")).exists();
        assertThat(dir.resolve("a.txt.sigstore.json")).exists();
        env.put("PW", "wrong");
        assertThat(
                        run(
                                "sign",
                                "--key",
                                "keys/cosign.key",
                                "--password-env",
                                "PW",
                                "--files",
                                "b.txt"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("sign: keys/cosign.key: wrong password");
        assertThat(dir.resolve("b.txt.sig")).doesNotExist();
    }

    @Test
    void attestThenVerifyWithPredicateType() {
        assertThat(
                        run(
                                "attest",
                                "--key",
                                "keys/cosign.key",
                                "--password-env",
                                "PW",
                                "--subject",
                                "a.txt",
                                "--predicate",
                                "sbom.cdx.json",
                                "--predicate-type",
                                "cyclonedx",
                                "--output",
                                "a.att.json"))
                .as(err.toString())
                .isZero();
        assertThat(
                        run(
                                "verify",
                                "--key",
                                "keys/cosign.pub",
                                "--files",
                                "a.txt",
                                "--bundle",
                                "a.att.json",
                                "--predicate-type",
                                "https://cyclonedx.org/bom"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("kind=dsse-bundle\n", "predicate-type=https://cyclonedx.org/bom\n");
        assertThat(
                        run(
                                "verify",
                                "--key",
                                "keys/cosign.pub",
                                "--files",
                                "a.txt",
                                "--bundle",
                                "a.att.json",
                                "--predicate-type",
                                "spdx"))
                .isEqualTo(1);
        assertThat(
                        run(
                                "verify",
                                "--key",
                                "keys/cosign.pub",
                                "--files",
                                "b.txt",
                                "--bundle",
                                "a.att.json"))
                .isEqualTo(1);
        // A flag-style input: given without a value it means true (ignored for key-based bundles).
        assertThat(
                        run(
                                "verify",
                                "--key",
                                "keys/cosign.pub",
                                "--files",
                                "a.txt",
                                "--bundle",
                                "a.att.json",
                                "--insecure-ignore-tlog"))
                .isZero();
    }

    @Test
    void checksumsWriteAndCheck() throws IOException {
        assertThat(
                        run(
                                "checksums",
                                "--files",
                                "a.txt",
                                "b.txt",
                                "--algorithms",
                                "sha256,sha512",
                                "--output",
                                "sums.txt"))
                .as(err.toString())
                .isZero();
        assertThat(Files.readString(dir.resolve("sums.sha256.txt"), StandardCharsets.UTF_8))
                .matches("[0-9a-f]{64}  a\\.txt\n[0-9a-f]{64}  b\\.txt\n");
        assertThat(Files.readString(dir.resolve("sums.sha512.txt"), StandardCharsets.UTF_8))
                .matches("[0-9a-f]{128}  a\\.txt\n[0-9a-f]{128}  b\\.txt\n");
        assertThat(run("checksums", "--check", "sums.sha256.txt")).isZero();
        assertThat(err.toString()).contains("a.txt: OK", "b.txt: OK");
        Files.writeString(dir.resolve("b.txt"), "changed\n");
        assertThat(run("checksums", "--check", "sums.sha512.txt")).isEqualTo(1);
        assertThat(err.toString()).contains("b.txt: FAILED");
        assertThat(run("checksums", "--files", "a.txt")).isZero();
        assertThat(dir.resolve("checksums.txt")).exists();
    }

    @Test
    void helpForNestedAndRegisteredCommands() {
        assertThat(run("sign", "keygen", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: pipewright sign keygen", "--password-env");
        assertThat(PipewrightCommand.commandLine().getSubcommands())
                .containsKeys("sign", "verify", "attest", "checksums");
        assertThat(PipewrightCommand.commandLine().getSubcommands().get("sign").getSubcommands())
                .containsKey("keygen");
    }
}
