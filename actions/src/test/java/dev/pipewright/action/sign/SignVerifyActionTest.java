package dev.pipewright.action.sign;

import static dev.pipewright.action.sign.SigningFormatsTest.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * sign, verify, attest and keygen end to end, checked by openssl, sigstore-js and the bundle
 * schema.
 */
class SignVerifyActionTest {
    private static final SignAction SIGN = new SignAction();
    private static final VerifyAction VERIFY = new VerifyAction();
    private static final AttestAction ATTEST = new AttestAction();
    private static final KeygenAction KEYGEN = new KeygenAction();
    private static final String PASSWORD = "test-password";

    static SimulatedRunner runner() {
        SimulatedRunner r = new SimulatedRunner();
        for (String f :
                List.of(
                        "artifact.txt",
                        "artifact.txt.sig",
                        "artifact.txt.sigstore.json",
                        "attestation.sigstore.json",
                        "cosign.key",
                        "cosign.pub",
                        "example-app.cdx.json",
                        "example-app.spdx.json",
                        "cosign-fixtures/oci-attestation.sigstore.json")) {
            r.copy(vector(f), f);
        }
        r.copy(
                TestData.resource("sigstore-oracle/trusted_root.public-good.json"),
                "trusted_root.json");
        return r;
    }

    static SimulatedRunner.Step verify(SimulatedRunner r, String file, String kind, String path) {
        return r.input("key", "cosign.pub")
                .input("files", file)
                .input("signature", "")
                .input("bundle", "")
                .input(kind, path)
                .run(VERIFY);
    }

    @Test
    void signedFilesVerifyWithOpensslOursSigstoreJsAndTheSchema() throws Exception {
        try (SimulatedRunner r = runner()) {
            r.write("dist/app.tar.gz", new byte[] {1, 2, 3, 0, (byte) 0xff});
            SimulatedRunner.Step step =
                    r.input("key", "cosign.key")
                            .env("COSIGN_PASSWORD", PASSWORD)
                            .input("files", "dist/*.tar.gz\nartifact.txt")
                            .input("output-dir", "signed")
                            .run(SIGN);
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
            assertThat(step.outputs())
                    .containsEntry("signatures", "signed/artifact.txt.sig\nsigned/app.tar.gz.sig")
                    .containsEntry("public-key-hint", SigningFormatsTest.HINT)
                    .containsEntry(
                            "digests",
                            "sha256:a9880abed72f108c3cbdf612dc97dcabf250c9a34115e60e9807b4982194fb45\n"
                                    + "sha256:"
                                    + Verification.sha256Hex(new byte[] {1, 2, 3, 0, (byte) 0xff}));
            Path sig = r.workspace().resolve("signed/artifact.txt.sig");
            assertThat(Files.readString(sig)).matches("[A-Za-z0-9+/]+=*");
            openssl(r.workspace(), sig, r.workspace().resolve("artifact.txt"));

            assertThat(verify(r, "artifact.txt", "signature", "signed/artifact.txt.sig").exit())
                    .isZero();
            assertThat(
                            verify(
                                            r,
                                            "dist/app.tar.gz",
                                            "bundle",
                                            "signed/app.tar.gz.sigstore.json")
                                    .exit())
                    .isZero();
            String bundle =
                    Files.readString(r.workspace().resolve("signed/artifact.txt.sigstore.json"));
            assertThat(SigningFormatsTest.schemaErrors(bundle)).isEmpty();
            // Same key, same blob: everything but the (randomised) ECDSA signature equals the
            // reference bundle.
            assertThat(bundle.replaceAll("\"signature\": \"[^\"]+\"", "S"))
                    .isEqualTo(
                            Files.readString(vector("artifact.txt.sigstore.json"))
                                    .replaceAll("\"signature\": \"[^\"]+\"", "S"));
            assertThat(
                            SigstoreOracle.verify(
                                    r.workspace().resolve("signed/artifact.txt.sigstore.json"),
                                    "--key",
                                    r.workspace().resolve("cosign.pub").toString(),
                                    "--artifact",
                                    r.workspace().resolve("artifact.txt").toString()))
                    .isEqualTo("VERIFIED");
        }
    }

    @ParameterizedTest
    @CsvSource({"signature, artifact.txt.sig", "bundle, artifact.txt.sigstore.json"})
    void referenceSignaturesMadeByOpensslVerify(String kind, String file) throws Exception {
        try (SimulatedRunner r = runner()) {
            SimulatedRunner.Step step = verify(r, "artifact.txt", kind, file);
            assertThat(step.exit()).as(step.stdout()).isZero();
            assertThat(step.outputs()).containsEntry("verified", "true");
            assertThat(step.summary()).contains("### ✅ Verified");
        }
    }

    @Test
    void freshOpensslSignatureVerifies() throws Exception {
        assumeTrue(SigstoreOracle.onPath("openssl"), "openssl not on PATH");
        try (SimulatedRunner r = runner()) {
            r.copy(vector("cosign-unencrypted-pkcs8.pem"), "key.pem");
            exec(
                    r.workspace(),
                    "openssl",
                    "dgst",
                    "-sha256",
                    "-sign",
                    "key.pem",
                    "-out",
                    "o.der",
                    "artifact.txt");
            assertThat(verify(r, "artifact.txt", "signature", "o.der").exit()).isZero();
            Files.writeString(
                    r.workspace().resolve("o.sig"),
                    Base64.getEncoder()
                            .encodeToString(Files.readAllBytes(r.workspace().resolve("o.der"))));
            assertThat(verify(r, "artifact.txt", "signature", "o.sig").exit()).isZero();
        }
    }

    @Test
    void tamperingAnythingFailsVerification() throws Exception {
        try (SimulatedRunner r = runner()) {
            byte[] artifact = Files.readAllBytes(r.workspace().resolve("artifact.txt"));
            artifact[3] ^= 1;
            r.write("tampered.txt", artifact);
            SimulatedRunner.Step s = verify(r, "tampered.txt", "signature", "artifact.txt.sig");
            assertThat(s.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(s.outputs()).containsEntry("verified", "false");
            assertThat(verify(r, "tampered.txt", "bundle", "artifact.txt.sigstore.json").stdout())
                    .contains("::error::verify: digest mismatch");

            byte[] der =
                    Base64.getDecoder()
                            .decode(Files.readString(r.workspace().resolve("artifact.txt.sig")));
            der[20] ^= 1;
            r.write("flipped.sig", Base64.getEncoder().encodeToString(der));
            assertThat(verify(r, "artifact.txt", "signature", "flipped.sig").exit())
                    .isEqualTo(ExitCode.GATE_FAILED);
            ObjectNode b =
                    (ObjectNode)
                            Json.MAPPER.readTree(
                                    r.workspace().resolve("artifact.txt.sigstore.json").toFile());
            ((ObjectNode) b.get("messageSignature"))
                    .put("signature", Base64.getEncoder().encodeToString(der));
            r.write("flipped.json", Json.pretty(b));
            assertThat(verify(r, "artifact.txt", "bundle", "flipped.json").stdout())
                    .contains("the signature does not verify artifact.txt");

            ObjectNode att =
                    (ObjectNode)
                            Json.MAPPER.readTree(
                                    r.workspace().resolve("attestation.sigstore.json").toFile());
            ObjectNode env = (ObjectNode) att.get("dsseEnvelope");
            byte[] payload = Base64.getDecoder().decode(env.get("payload").asText());
            payload[payload.length - 5] ^= 1;
            env.put("payload", Base64.getEncoder().encodeToString(payload));
            r.write("payload.json", Json.pretty(att));
            assertThat(verify(r, "artifact.txt", "bundle", "payload.json").stdout())
                    .contains("no DSSE signature verifies with the given key");
            ObjectNode att2 =
                    (ObjectNode)
                            Json.MAPPER.readTree(
                                    r.workspace().resolve("attestation.sigstore.json").toFile());
            ((ObjectNode) att2.get("dsseEnvelope"))
                    .put("payloadType", "application/vnd.in-toto+jsoN");
            r.write("type.json", Json.pretty(att2));
            SimulatedRunner.Step t = verify(r, "artifact.txt", "bundle", "type.json");
            assertThat(t.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(t.stdout()).contains("no DSSE signature verifies");
            if (SigstoreOracle.onPath("node")) {
                assertThat(
                                SigstoreOracle.verify(
                                        r.workspace().resolve("type.json"),
                                        "--key",
                                        r.workspace().resolve("cosign.pub").toString()))
                        .startsWith("FAILED");
            }

            r.write("broken.json", "{\n  \"mediaType\": \"x\",\n  oops\n}\n");
            SimulatedRunner.Step m = verify(r, "artifact.txt", "bundle", "broken.json");
            assertThat(m.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(m.stdout()).contains("::error::verify: malformed bundle broken.json:3:");
        }
    }

    @Test
    void malformedBundleOrSignatureIsBadInputNamingFileAndPosition() throws Exception {
        try (SimulatedRunner r = runner()) {
            byte[] whole = Files.readAllBytes(r.workspace().resolve("artifact.txt.sigstore.json"));
            r.write("b.json", Arrays.copyOf(whole, 200));
            SimulatedRunner.Step t = verify(r, "artifact.txt", "bundle", "b.json");
            assertThat(t.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(t.stdout())
                    .containsPattern(
                            "::error::verify: malformed bundle b\\.json:\\d+:\\d+: malformed JSON");
            r.write("foo.json", "{\"foo\":1}");
            SimulatedRunner.Step f = verify(r, "artifact.txt", "bundle", "foo.json");
            assertThat(f.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(f.stdout()).contains("malformed bundle foo.json: /mediaType: missing");
            r.write("empty.json", "");
            assertThat(verify(r, "artifact.txt", "bundle", "empty.json").exit())
                    .isEqualTo(ExitCode.BAD_INPUT);
            r.write("garbage.sig", "garbage!\n");
            SimulatedRunner.Step g = verify(r, "artifact.txt", "signature", "garbage.sig");
            assertThat(g.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(g.stdout()).contains("verify: garbage.sig:1:1: not a signature");
            r.write("short.sig", "abcd");
            assertThat(verify(r, "artifact.txt", "signature", "short.sig").exit())
                    .isEqualTo(ExitCode.BAD_INPUT);
            r.write("empty.sig", "");
            SimulatedRunner.Step e = verify(r, "artifact.txt", "signature", "empty.sig");
            assertThat(e.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(e.stdout()).contains("verify: empty.sig:1:1: empty signature file");
        }
    }

    @Test
    void sameNameTwiceIntoOneOutputDirIsBadInput() throws Exception {
        try (SimulatedRunner r = runner()) {
            r.write("a/x.bin", "1");
            r.write("b/x.bin", "2");
            SimulatedRunner.Step s =
                    r.input("key", "cosign.key")
                            .input("password", PASSWORD)
                            .input("files", "*/x.bin")
                            .input("output-dir", "out")
                            .run(SIGN);
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains("a/x.bin and b/x.bin would both be signed to out/x.bin.sig");
            assertThat(r.workspace().resolve("out")).doesNotExist();
        }
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(
                Files.readAttributes(p, PosixFileAttributes.class).permissions());
    }

    @Test
    void bundleTargetThatIsADirectoryLeavesNoSignature() throws Exception {
        try (SimulatedRunner r = runner()) {
            r.copy(vector("cosign-unencrypted-pkcs8.pem"), "key.pem");
            r.write("a.bin", "data");
            Files.createDirectories(r.workspace().resolve("sigs/a.bin.sigstore.json"));
            SimulatedRunner.Step s =
                    r.input("key", "key.pem")
                            .input("password", "")
                            .input("files", "a.bin")
                            .input("output-dir", "sigs")
                            .run(SIGN);
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains("input 'output-dir': sigs/a.bin.sigstore.json is a directory");
            assertThat(r.workspace().resolve("sigs/a.bin.sig")).doesNotExist();
        }
    }

    @Test
    void outputDirThatIsAFileIsBadInput() throws Exception {
        try (SimulatedRunner r = runner()) {
            r.write("f", "x");
            SimulatedRunner.Step s =
                    r.input("key", "cosign.key")
                            .input("password", PASSWORD)
                            .input("files", "artifact.txt")
                            .input("output-dir", "f")
                            .run(SIGN);
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout()).contains("input 'output-dir': 'f' is a file, not a directory");
            SimulatedRunner.Step k = r.input("output-dir", "f").input("password", "pw").run(KEYGEN);
            assertThat(k.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(k.stdout()).contains("input 'output-dir': 'f' is a file, not a directory");
        }
    }

    @Test
    void attestOutputThatIsADirectoryIsBadInput() throws Exception {
        try (SimulatedRunner r = runner()) {
            Files.createDirectories(r.workspace().resolve("d"));
            SimulatedRunner.Step a =
                    r.input("key", "cosign.key")
                            .input("password", PASSWORD)
                            .input("subject", "artifact.txt")
                            .input("predicate", "example-app.spdx.json")
                            .input("predicate-type", "spdx")
                            .input("output", "d")
                            .run(ATTEST);
            assertThat(a.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(a.stdout()).contains("::error::attest: input 'output': d is a directory");
        }
    }

    @Test
    void keygenWritesNoPrivateKeyWhenThePublicKeyCannotBeWritten() throws Exception {
        try (SimulatedRunner r = runner()) {
            Files.createDirectories(r.workspace().resolve("k/cosign.pub"));
            SimulatedRunner.Step s =
                    r.input("output-dir", "k")
                            .input("password", "pw")
                            .input("force", "true")
                            .run(KEYGEN);
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout()).contains("input 'output-dir': k/cosign.pub is a directory");
            assertThat(r.workspace().resolve("k/cosign.key")).doesNotExist();
        }
    }

    @Test
    void signaturesAndPublicKeyAreWorldReadableButThePrivateKeyIsNot() throws Exception {
        try (SimulatedRunner r = runner()) {
            assumeTrue(
                    Files.getFileAttributeView(r.workspace(), PosixFileAttributeView.class)
                            != null);
            assertThat(r.input("output-dir", "k").input("password", "pw").run(KEYGEN).exit())
                    .isZero();
            assertThat(mode(r.workspace().resolve("k/cosign.key"))).isEqualTo("rw-------");
            assertThat(mode(r.workspace().resolve("k/cosign.pub"))).isEqualTo("rw-r--r--");
            r.write("a.bin", "data");
            SimulatedRunner.Step s =
                    r.input("key", "k/cosign.key")
                            .input("files", "a.bin")
                            .input("output-dir", "sigs")
                            .run(SIGN);
            assertThat(s.exit()).as(s.stdout()).isZero();
            assertThat(mode(r.workspace().resolve("sigs/a.bin.sig"))).isEqualTo("rw-r--r--");
            assertThat(mode(r.workspace().resolve("sigs/a.bin.sigstore.json")))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void wrongKeyFails() throws Exception {
        try (SimulatedRunner r = runner()) {
            assertThat(r.input("output-dir", "other").run(KEYGEN).exit()).isZero();
            SimulatedRunner.Step s =
                    r.input("key", "other/cosign.pub")
                            .input("files", "artifact.txt")
                            .input("signature", "artifact.txt.sig")
                            .run(VERIFY);
            assertThat(s.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(s.stdout())
                    .contains("(wrong key, or the file or the signature was changed)");
            assertThat(
                            r.input("signature", "")
                                    .input("bundle", "attestation.sigstore.json")
                                    .run(VERIFY)
                                    .stdout())
                    .contains(
                            "was signed by the key with hint "
                                    + SigningFormatsTest.HINT
                                    + ", not the given key");
        }
    }

    @Test
    void attestationMatchesTheReferenceAndIsCheckedForSubjectAndType() throws Exception {
        try (SimulatedRunner r = runner()) {
            SimulatedRunner.Step a =
                    r.input("key", "cosign.key")
                            .input("password", PASSWORD)
                            .input("subject", "artifact.txt")
                            .input("predicate", "example-app.cdx.json")
                            .input("predicate-type", "cyclonedx")
                            .input("output", "out/att.sigstore.json")
                            .run(ATTEST);
            assertThat(a.exit()).as(a.stdout()).isZero();
            assertThat(a.outputs())
                    .containsEntry("predicate-type", "https://cyclonedx.org/bom")
                    .containsEntry(
                            "subjects",
                            "artifact.txt sha256:a9880abed72f108c3cbdf612dc97dcabf250c9a34115e60e9807b4982194fb45");
            Path out = r.workspace().resolve("out/att.sigstore.json");
            SigstoreBundle ours = SigstoreBundle.parse(Files.readAllBytes(out), "ours");
            SigstoreBundle ref =
                    SigstoreBundle.parse(
                            Files.readAllBytes(vector("attestation.sigstore.json")), "ref");
            assertThat(ours.envelope().pae())
                    .isEqualTo(Files.readAllBytes(vector("attestation.pae.bin")));
            assertThat(ours.envelope().pae()).isEqualTo(ref.envelope().pae());
            assertThat(SigningFormatsTest.schemaErrors(Files.readString(out))).isEmpty();
            assertThat(
                            SigstoreOracle.verify(
                                    out, "--key", r.workspace().resolve("cosign.pub").toString()))
                    .isEqualTo("VERIFIED");

            SimulatedRunner.Step v =
                    r.input("key", "cosign.pub")
                            .input("files", "artifact.txt")
                            .input("bundle", "out/att.sigstore.json")
                            .input("predicate-type", "cyclonedx")
                            .run(VERIFY);
            assertThat(v.exit()).as(v.stdout()).isZero();
            assertThat(r.input("predicate-type", "spdx").run(VERIFY).stdout())
                    .contains(
                            "predicate type is 'https://cyclonedx.org/bom', expected 'https://spdx.dev/Document'");
            assertThat(
                            r.input("predicate-type", "")
                                    .input("files", "example-app.cdx.json")
                                    .run(VERIFY)
                                    .stdout())
                    .contains("is not a subject of out/att.sigstore.json");
        }
    }

    @Test
    void attestRefusesAPredicateOfTheWrongKind() throws Exception {
        try (SimulatedRunner r = runner()) {
            SimulatedRunner.Step a =
                    r.input("key", "cosign.key")
                            .input("password", PASSWORD)
                            .input("subject", "artifact.txt")
                            .input("predicate", "example-app.cdx.json")
                            .input("predicate-type", "spdx")
                            .run(ATTEST);
            assertThat(a.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(a.stdout()).contains("(it is CycloneDX: use predicate-type cyclonedx)");
            r.write("bad.json", "{\n  \"spdxVersion\": \"SPDX-2.3\",\n}\n");
            assertThat(r.input("predicate", "bad.json").run(ATTEST).stdout())
                    .contains("::error::attest: bad.json:3:1: malformed JSON");
        }
    }

    @Test
    void keygenWritesACosignKeyPairThatSignsAndOpensslReads() throws Exception {
        try (SimulatedRunner r = runner()) {
            SimulatedRunner.Step k =
                    r.input("output-dir", "keys").input("password", "pw").run(KEYGEN);
            assertThat(k.exit()).isZero();
            assertThat(k.outputs())
                    .containsEntry("private-key", "keys/cosign.key")
                    .containsEntry("public-key", "keys/cosign.pub");
            assertThat(r.run(KEYGEN).exit()).isEqualTo(ExitCode.BAD_INPUT);
            SimulatedRunner.Step s =
                    r.input("key", "keys/cosign.key")
                            .input("password", "pw")
                            .input("files", "artifact.txt")
                            .input("output-dir", "out")
                            .run(SIGN);
            assertThat(s.exit()).isZero();
            assertThat(s.outputs())
                    .containsEntry("public-key-hint", k.outputs().get("public-key-hint"));
            openssl(
                    r.workspace(),
                    r.workspace().resolve("out/artifact.txt.sig"),
                    r.workspace().resolve("artifact.txt"),
                    "keys/cosign.pub");
        }
    }

    @Test
    void encryptedKeyWithoutPasswordSaysSoAndNamesTheVariable() throws Exception {
        try (SimulatedRunner r = runner()) {
            r.env("COSIGN_PASSWORD", null);
            SimulatedRunner.Step s =
                    r.input("key", "cosign.key").input("files", "artifact.txt").run(SIGN);
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains(
                            "cosign.key: the key is encrypted but no password was given: "
                                    + "COSIGN_PASSWORD (password-env) is not set")
                    .doesNotContain("wrong password");
            SimulatedRunner.Step a =
                    r.input("password-env", "NOPE_UNSET")
                            .input("subject", "artifact.txt")
                            .input("predicate", "example-app.cdx.json")
                            .input("predicate-type", "cyclonedx")
                            .run(ATTEST);
            assertThat(a.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(a.stdout())
                    .contains(
                            "the key is encrypted but no password was given: NOPE_UNSET (password-env) is not set");
            SimulatedRunner.Step w = r.input("password", "not-the-password").run(SIGN);
            assertThat(w.stdout()).contains("wrong password");
        }
    }

    @Test
    void noKeyMaterialOrPasswordInAnyOutput() throws Exception {
        String pem = Files.readString(vector("cosign.key"));
        String plain = Files.readString(vector("cosign-unencrypted-pkcs8.pem"));
        try (SimulatedRunner r = runner()) {
            StringBuilder all = new StringBuilder();
            for (String password : List.of(PASSWORD, "not-the-password")) {
                SimulatedRunner.Step s =
                        r.input("key", pem)
                                .input("password", password)
                                .input("files", "artifact.txt")
                                .run(SIGN);
                all.append(s.stdout()).append(s.stderr()).append(s.summary());
                SimulatedRunner.Step a =
                        r.input("subject", "artifact.txt")
                                .input("predicate", "example-app.cdx.json")
                                .input("predicate-type", "cyclonedx")
                                .run(ATTEST);
                all.append(a.stdout()).append(a.stderr()).append(a.summary());
            }
            SimulatedRunner.Step p = r.input("key", plain).input("password", "").run(SIGN);
            all.append(p.stdout()).append(p.stderr()).append(p.summary());
            SimulatedRunner.Step k =
                    r.input("output-dir", "k").input("password", PASSWORD).run(KEYGEN);
            all.append(k.stdout()).append(k.stderr()).append(k.summary());
            String text = all.toString();
            assertThat(text).contains("::add-mask::").contains("wrong password");
            // Masking commands are the only place a secret may be named: the runner needs them to
            // hide it.
            String logged =
                    text.lines()
                            .filter(l -> !l.startsWith("::add-mask::"))
                            .reduce("", (x, y) -> x + y + "\n");
            assertThat(logged).doesNotContain(PASSWORD).doesNotContain("not-the-password");
            for (String keyFile :
                    List.of(pem, plain, Files.readString(r.workspace().resolve("k/cosign.key")))) {
                keyFile.lines()
                        .filter(l -> !l.startsWith("-----"))
                        .forEach(l -> assertThat(logged).doesNotContain(l));
            }
        }
    }

    @Test
    void keylessBundleReportsItsSignerAndVerifiesOnlyWithATrustedRoot() throws Exception {
        try (SimulatedRunner r = runner()) {
            String bundle = "cosign-fixtures/oci-attestation.sigstore.json";
            SimulatedRunner.Step s = r.input("bundle", bundle).run(VERIFY);
            assertThat(s.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(s.outputs())
                    .containsEntry("identity", "cody@soyland.com")
                    .containsEntry("issuer", "https://github.com/login/oauth")
                    .containsEntry("kind", "keyless");
            assertThat(s.stdout()).contains("give trusted-root");
            assertThat(r.input("trusted-root", "trusted_root.json").run(VERIFY).exit())
                    .isEqualTo(ExitCode.BAD_INPUT);
            r.input("certificate-identity", "cody@soyland.com")
                    .input("certificate-oidc-issuer", "https://github.com/login/oauth");
            SimulatedRunner.Step ok = r.run(VERIFY);
            assertThat(ok.exit()).as(ok.stdout()).isZero();
            assertThat(ok.outputs())
                    .containsEntry("verified", "true")
                    .containsEntry("predicate-type", "https://cosign.sigstore.dev/attestation/v1");
            assertThat(ok.summary())
                    .contains(
                            "verified the Rekor signed entry timestamp",
                            "certificate chains to the trusted root");
            assertThat(
                            SigstoreOracle.verify(
                                    r.workspace().resolve(bundle),
                                    "--trusted-root",
                                    r.workspace().resolve("trusted_root.json").toString(),
                                    "--identity",
                                    "cody@soyland.com",
                                    "--issuer",
                                    "https://github.com/login/oauth"))
                    .isEqualTo("VERIFIED");

            assertThat(r.input("certificate-identity", "mallory@example.com").run(VERIFY).exit())
                    .isEqualTo(ExitCode.GATE_FAILED);
            r.input("certificate-identity", "cody@soyland.com");
            ObjectNode b =
                    (ObjectNode) Json.MAPPER.readTree(r.workspace().resolve(bundle).toFile());
            ObjectNode entry = (ObjectNode) b.at("/verificationMaterial/tlogEntries/0");
            entry.put("integratedTime", String.valueOf(entry.get("integratedTime").asLong() + 1));
            r.write("set.json", Json.pretty(b));
            SimulatedRunner.Step set = r.input("bundle", "set.json").run(VERIFY);
            assertThat(set.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(set.stdout()).contains("signed entry timestamp does not verify");
            SimulatedRunner.Step ignored = r.input("insecure-ignore-tlog", "true").run(VERIFY);
            assertThat(ignored.exit()).as(ignored.stdout()).isZero();
            assertThat(ignored.summary()).contains("WARNING: transparency log not checked");
        }
    }

    static void openssl(Path dir, Path sig, Path blob, String... pub) throws Exception {
        assumeTrue(SigstoreOracle.onPath("openssl"), "openssl not on PATH");
        Path der = dir.resolve("sig.der");
        Files.write(der, Base64.getDecoder().decode(Files.readString(sig, StandardCharsets.UTF_8)));
        String out =
                exec(
                        dir,
                        "openssl",
                        "dgst",
                        "-sha256",
                        "-verify",
                        pub.length == 0 ? "cosign.pub" : pub[0],
                        "-signature",
                        der.toString(),
                        blob.toString());
        assertThat(out).contains("Verified OK");
    }

    static String exec(Path dir, String... cmd) throws Exception {
        Process p =
                new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }
}
