package dev.pipewright.action.sign;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipewright.action.InputException;
import dev.pipewright.fuzz.Campaign;
import dev.pipewright.fuzz.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets of what sign and verify read: private keys (PKCS#8, SEC1, cosign's encrypted files),
 * public keys and certificates, and Sigstore bundles. Bad input is an InputException (keys) or a
 * BundleException (bundles) whose message starts with the file's name; nothing else escapes.
 */
class SigningFuzzTest {
    static void privateKey(byte[] data) {
        String pem = new String(data, StandardCharsets.UTF_8);
        Keys.readPrivate(pem, "cosign.key", () -> Optional.of(""));
        Keys.readPrivate(pem, "cosign.key", Optional::empty);
    }

    static void publicKey(byte[] data) {
        Keys.readPublic(new String(data, StandardCharsets.UTF_8), "cosign.pub");
    }

    static void bundle(byte[] data) throws SigstoreBundle.BundleException {
        SigstoreBundle.parse(data, "artifact.sigstore.json");
    }

    static boolean documented(Throwable t) {
        return (t instanceof InputException || t instanceof SigstoreBundle.BundleException)
                && t.getMessage() != null
                && (t.getMessage().startsWith("cosign.key:")
                        || t.getMessage().startsWith("cosign.pub:")
                        || t.getMessage().startsWith("artifact.sigstore.json"));
    }

    private static List<Seeds.Seed> keySeeds(String... names) {
        List<Seeds.Seed> seeds = new ArrayList<>();
        for (String n : names) {
            seeds.addAll(
                    Seeds.files(Path.of("actions/src/test/resources/signing"), f -> f.equals(n)));
        }
        seeds.addAll(
                Seeds.files(
                        Path.of("actions/src/test/resources/signing/cosign-fixtures"),
                        f ->
                                f.endsWith(".key")
                                        || f.endsWith(".pub")
                                        || f.endsWith(".pem")
                                        || f.endsWith(".crt")));
        return seeds;
    }

    @Test
    void privateKeys() {
        assertThat(
                        Campaign.run(
                                        "sign-private-key",
                                        keySeeds(
                                                "cosign.key",
                                                "cosign-legacy.key",
                                                "cosign-unencrypted-pkcs8.pem"),
                                        Path.of("actions/src/test/resources/fuzz/sign-private-key"),
                                        Campaign.count(40),
                                        SigningFuzzTest::privateKey,
                                        SigningFuzzTest::documented)
                                .failures())
                .isEmpty();
    }

    @Test
    void publicKeys() {
        assertThat(
                        Campaign.run(
                                        "verify-public-key",
                                        keySeeds("cosign.pub"),
                                        Path.of(
                                                "actions/src/test/resources/fuzz/verify-public-key"),
                                        Campaign.count(100),
                                        SigningFuzzTest::publicKey,
                                        SigningFuzzTest::documented)
                                .failures())
                .isEmpty();
    }

    @Test
    void bundles() {
        List<Seeds.Seed> seeds =
                new ArrayList<>(
                        Seeds.files(
                                Path.of("actions/src/test/resources/signing"),
                                f -> f.endsWith(".sigstore.json")));
        seeds.addAll(
                Seeds.files(Seeds.shared().resolve("reference/signing"), f -> f.endsWith(".json")));
        assertThat(
                        Campaign.run(
                                        "verify-bundle",
                                        seeds,
                                        Path.of("actions/src/test/resources/fuzz/verify-bundle"),
                                        Campaign.count(100),
                                        SigningFuzzTest::bundle,
                                        SigningFuzzTest::documented)
                                .failures())
                .isEmpty();
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzKeys(byte[] data) {
        for (Campaign.Target t :
                List.<Campaign.Target>of(
                        SigningFuzzTest::privateKey,
                        SigningFuzzTest::publicKey,
                        SigningFuzzTest::bundle)) {
            try {
                t.run(data);
            } catch (Exception e) {
                if (!documented(e)) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
