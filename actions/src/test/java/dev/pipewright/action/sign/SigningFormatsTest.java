package dev.pipewright.action.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.pipewright.action.InputException;
import dev.pipewright.action.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Key formats, PAE, bundle JSON and the schema, against the reference vectors (copied from
 * shared/reference/signing).
 */
class SigningFormatsTest {
    static final String HINT = "8dJ7dyv0HNpdJdTeie1lUJw+pj8NkAlt2zvdIOycwGA=";

    static Path vector(String name) {
        return TestData.resource("signing/" + name);
    }

    static String text(String name) throws Exception {
        return Files.readString(vector(name), StandardCharsets.UTF_8);
    }

    static Keys.SigningKey key(String file, String password) throws Exception {
        return Keys.readPrivate(text(file), file, () -> Optional.of(password));
    }

    @ParameterizedTest
    @CsvSource({
        "cosign.key, test-password",
        "cosign-legacy.key, test-password",
        "cosign-unencrypted-pkcs8.pem, ''"
    })
    void projectKeyInEveryFormatIsTheSameKey(String file, String password) throws Exception {
        Keys.SigningKey k = key(file, password);
        assertThat(Keys.hint(k.publicKey())).isEqualTo(HINT);
        assertThat(k.publicKey()).isEqualTo(Keys.readPublic(text("cosign.pub"), "cosign.pub"));
        assertThat(((ECPrivateKey) k.privateKey()).getS())
                .isEqualTo(
                        ((ECPrivateKey) key("cosign-unencrypted-pkcs8.pem", "").privateKey())
                                .getS());
    }

    @ParameterizedTest
    @CsvSource({
        "cosign-fixtures/cosign-test-cosign-labeled.key",
        "cosign-fixtures/cosign-test-sigstore-labeled.key"
    })
    void cosignsOwnFixturesDecrypt(String file) throws Exception {
        Keys.SigningKey k = key(file, "hello");
        byte[] sig = Signatures.sign(k.privateKey(), "x".getBytes(StandardCharsets.UTF_8));
        assertThat(Signatures.verify(k.publicKey(), "x".getBytes(StandardCharsets.UTF_8), sig))
                .isTrue();
    }

    @Test
    void sec1InsideAnEncryptedKeyIsRejectedLikeCosignDoes() {
        assertThatThrownBy(
                        () ->
                                key(
                                        "cosign-fixtures/cosign-test-cosign-labeled-sec1-inner.key",
                                        "hello"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not PKCS#8");
    }

    @ParameterizedTest
    @CsvSource({
        "cosign.key, wrong",
        "cosign-legacy.key, ''",
        "cosign-fixtures/cosign-test-sigstore-labeled.key, hello!"
    })
    void wrongPasswordFailsCleanly(String file, String password) {
        assertThatThrownBy(() -> key(file, password))
                .isInstanceOf(InputException.class)
                .hasMessage(
                        file
                                + ": wrong password, or the key file is corrupted (authentication failed)");
    }

    @Test
    void keyFileProblemsNameFileAndLine() {
        assertThatThrownBy(() -> Keys.readPrivate("hello\n", "k.pem", Optional::empty))
                .hasMessage("k.pem:1: no PEM block found (expected -----BEGIN ...-----)");
        assertThatThrownBy(
                        () ->
                                Keys.readPrivate(
                                        "\n-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                                        "k.pem",
                                        Optional::empty))
                .hasMessageStartingWith("k.pem:2: PEM block is PUBLIC KEY, expected");
        assertThatThrownBy(
                        () ->
                                Keys.readPrivate(
                                        "-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n",
                                        "k.pem",
                                        Optional::empty))
                .hasMessage("k.pem:1: the body of the PRIVATE KEY block is not valid base64");
    }

    @Test
    void generatedKeysRoundTripThroughCosignsFormat() {
        Keys.SigningKey k = Keys.generate();
        String pem = CosignKeyFile.encrypt(Keys.pkcs8(k), "pw".getBytes(StandardCharsets.UTF_8));
        assertThat(pem)
                .startsWith("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n")
                .endsWith("-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n");
        String json =
                new String(
                        Base64.getMimeDecoder()
                                .decode(
                                        pem.lines()
                                                .filter(l -> !l.startsWith("-----"))
                                                .reduce("", String::concat)),
                        StandardCharsets.UTF_8);
        assertThat(json)
                .matches(
                        "\\{\"kdf\":\\{\"name\":\"scrypt\",\"params\":\\{\"N\":65536,\"r\":8,\"p\":1},\"salt\":\"[^\"]{44}\"},"
                                + "\"cipher\":\\{\"name\":\"nacl/secretbox\",\"nonce\":\"[^\"]{32}\"},\"ciphertext\":\"[^\"]+\"}");
        Keys.SigningKey back = Keys.readPrivate(pem, "gen.key", () -> Optional.of("pw"));
        assertThat(back.publicKey()).isEqualTo(k.publicKey());
        assertThatThrownBy(() -> Keys.readPrivate(pem, "gen.key", () -> Optional.of("nope")))
                .hasMessageContaining("wrong password");
    }

    @Test
    void referenceSignatureIsDerOverTheBlob() throws Exception {
        byte[] der = Base64.getDecoder().decode(text("artifact.txt.sig"));
        assertThat(HexFormat.of().formatHex(der))
                .isEqualTo(text("artifact.txt.sig.der.hex").strip());
        assertThat(
                        Signatures.verify(
                                Keys.readPublic(text("cosign.pub"), "cosign.pub"),
                                Files.readAllBytes(vector("artifact.txt")),
                                der))
                .isTrue();
    }

    @Test
    void paeEqualsTheReferenceBytes() throws Exception {
        var predicate =
                Json.parse(
                        Files.readAllBytes(vector("example-app.cdx.json")), "example-app.cdx.json");
        byte[] payload =
                new InTotoStatement(
                                List.of(
                                        new InTotoStatement.Subject(
                                                "artifact.txt",
                                                "a9880abed72f108c3cbdf612dc97dcabf250c9a34115e60e9807b4982194fb45")),
                                InTotoStatement.CYCLONEDX,
                                predicate)
                        .toPayload();
        assertThat(Dsse.pae(Dsse.IN_TOTO, payload))
                .isEqualTo(Files.readAllBytes(vector("attestation.pae.bin")));
    }

    @ParameterizedTest
    @CsvSource({"artifact.txt.sigstore.json", "attestation.sigstore.json"})
    void bundlesRoundTripByteForByte(String file) throws Exception {
        SigstoreBundle b = SigstoreBundle.parse(Files.readAllBytes(vector(file)), file);
        assertThat(b.hint()).contains(HINT);
        assertThat(b.toJson()).isEqualTo(text(file));
    }

    @ParameterizedTest
    @CsvSource({
        "artifact.txt.sigstore.json",
        "attestation.sigstore.json",
        "cosign-fixtures/oci-attestation.sigstore.json"
    })
    void referenceBundlesAreSchemaValid(String file) throws Exception {
        assertThat(schemaErrors(text(file))).isEmpty();
    }

    @Test
    void keylessBundleNamesItsSigner() throws Exception {
        SigstoreBundle b =
                SigstoreBundle.parse(
                        Files.readAllBytes(vector("cosign-fixtures/oci-attestation.sigstore.json")),
                        "oci");
        assertThat(b.keyless()).isTrue();
        assertThat(Keyless.identity(Keys.certificate(b.certificates().get(0))))
                .isEqualTo(
                        new Keyless.Identity("cody@soyland.com", "https://github.com/login/oauth"));
    }

    @Test
    void malformedBundlesNameThePlace() {
        assertThatThrownBy(
                        () ->
                                SigstoreBundle.parse(
                                        "{\n  \"mediaType\": 3,\n".getBytes(StandardCharsets.UTF_8),
                                        "b.json"))
                .hasMessageStartingWith("b.json:3:1: malformed JSON");
        assertThatThrownBy(
                        () ->
                                SigstoreBundle.parse(
                                        ("{\"mediaType\":\""
                                                        + SigstoreBundle.MEDIA_TYPE_V03
                                                        + "\",\"verificationMaterial\":{\"publicKey\":{\"hint\":\"x\"}},\"messageSignature\":{\"messageDigest\":"
                                                        + "{\"algorithm\":\"SHA2_256\",\"digest\":\"AA==\"},\"signature\":\"%%\"}}")
                                                .getBytes(StandardCharsets.UTF_8),
                                        "b.json"))
                .hasMessage("b.json: /messageSignature/signature: is not valid base64");
        assertThatThrownBy(
                        () ->
                                SigstoreBundle.parse(
                                        "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8),
                                        "b.json"))
                .hasMessageContaining("b.json:1:")
                .hasMessageContaining("Duplicate field");
    }

    static List<String> schemaErrors(String json) throws Exception {
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                        .getSchema(
                                Json.MAPPER.readTree(
                                        Files.readString(
                                                vector(
                                                        "sigstore-bundle-v0.3.schema.camelcase-oneof.json"))));
        return schema.validate(Json.MAPPER.readTree(json)).stream()
                .map(Object::toString)
                .sorted()
                .toList();
    }
}
