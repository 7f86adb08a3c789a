package dev.pipewright.action.sign;

import dev.pipewright.action.InputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict of a verification: verified, or the one-line reason it is not; plus what was learnt
 * on the way.
 *
 * @param details lines for the log and the summary (what was checked)
 */
public record Verification(
        boolean verified,
        String reason,
        String predicateType,
        String identity,
        String issuer,
        List<String> details) {
    public Verification {
        details = List.copyOf(details);
    }

    static Verification failed(String reason) {
        return new Verification(false, reason, null, null, null, List.of());
    }

    Verification withIdentity(String identity, String issuer) {
        return new Verification(verified, reason, predicateType, identity, issuer, details);
    }

    /** A cosign {@code .sig}: base64 of the DER signature (raw DER accepted too). */
    static Verification signature(
            PublicKey key, byte[] data, byte[] sigFile, String sigShown, String fileShown) {
        if (Json.utf8(sigFile).isBlank()) {
            throw new InputException(
                    sigShown
                            + ":1:1: empty signature file (expected base64 of a DER ECDSA signature, as cosign sign-blob writes)");
        }
        byte[] der = Json.base64(Json.utf8(sigFile));
        if (der == null || der.length == 0 || der[0] != 0x30) {
            if (sigFile[0] == 0x30) {
                der = sigFile;
            } else {
                // A malformed file is bad input (exit 2), not a signature that failed to verify
                // (exit 1).
                throw new InputException(
                        sigShown
                                + ":1:1: not a signature (expected base64 of a DER ECDSA signature, as cosign sign-blob writes)");
            }
        }
        if (!Signatures.verify(key, data, der)) {
            return failed(
                    sigShown
                            + " does not verify "
                            + fileShown
                            + " with key "
                            + Keys.hint(key)
                            + " (wrong key, or the file or the signature was changed)");
        }
        return new Verification(
                true,
                null,
                null,
                null,
                null,
                List.of(
                        "verified "
                                + fileShown
                                + " (sha256:"
                                + sha256Hex(data)
                                + ") with key "
                                + Keys.hint(key)));
    }

    /**
     * A key-based bundle: hint, then the signature, then (for DSSE) payload type, subjects and
     * predicate type.
     */
    static Verification bundle(
            SigstoreBundle b,
            String shown,
            PublicKey key,
            Map<String, byte[]> artifacts,
            Optional<String> expectedType) {
        String hint = Keys.hint(key);
        if (b.hint().isPresent() && !b.hint().get().equals(hint)) {
            return failed(
                    shown
                            + " was signed by the key with hint "
                            + b.hint().get()
                            + ", not the given key ("
                            + hint
                            + ")");
        }
        return b.message() != null
                ? message(b, shown, key, artifacts.entrySet().iterator().next())
                : dsse(b.envelope(), shown, List.of(key), artifacts, expectedType);
    }

    private static Verification message(
            SigstoreBundle b, String shown, PublicKey key, Map.Entry<String, byte[]> artifact) {
        SigstoreBundle.MessageSignature m = b.message();
        if (!m.digestAlgorithm().equals("SHA2_256")) {
            return failed(
                    shown
                            + ": message digest algorithm "
                            + m.digestAlgorithm()
                            + " is not supported (SHA2_256)");
        }
        String actual = sha256Hex(artifact.getValue());
        String claimed = HexFormat.of().formatHex(m.digest());
        if (!actual.equals(claimed)) {
            return failed(
                    "digest mismatch: "
                            + shown
                            + " is for sha256:"
                            + claimed
                            + ", "
                            + artifact.getKey()
                            + " is sha256:"
                            + actual);
        }
        if (!Signatures.verify(key, artifact.getValue(), m.signature())) {
            return failed(
                    shown
                            + ": the signature does not verify "
                            + artifact.getKey()
                            + " with key "
                            + Keys.hint(key));
        }
        return new Verification(
                true,
                null,
                null,
                null,
                null,
                List.of(
                        "verified "
                                + artifact.getKey()
                                + " (sha256:"
                                + actual
                                + ") against "
                                + shown
                                + " with key "
                                + Keys.hint(key)));
    }

    /**
     * A key-based bundle about an artifact known only by its sha256 digest, such as a container
     * image: the hint, the DSSE signature, the payload and predicate types and the subject are
     * checked as {@link #bundle} does for files.
     */
    public static Verification bundleForDigest(
            SigstoreBundle b,
            String shown,
            PublicKey key,
            String name,
            String sha256Hex,
            Optional<String> expectedType) {
        String hint = Keys.hint(key);
        if (b.hint().isPresent() && !b.hint().get().equals(hint)) {
            return failed(
                    shown
                            + " was signed by the key with hint "
                            + b.hint().get()
                            + ", not the given key ("
                            + hint
                            + ")");
        }
        if (b.message() != null) {
            return failed(
                    shown
                            + " is a message signature, which needs the signed bytes; attest "
                            + name
                            + " with a DSSE bundle (attest, cosign attest --new-bundle-format)");
        }
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put(name, sha256Hex);
        return dsseDigests(b.envelope(), shown, List.of(key), digests, expectedType);
    }

    /**
     * A DSSE envelope signed by any of {@code keys}, holding an in-toto statement about every
     * artifact.
     */
    static Verification dsse(
            Dsse.Envelope env,
            String shown,
            List<PublicKey> keys,
            Map<String, byte[]> artifacts,
            Optional<String> expectedType) {
        Map<String, String> digests = new LinkedHashMap<>();
        artifacts.forEach((name, bytes) -> digests.put(name, sha256Hex(bytes)));
        return dsseDigests(env, shown, keys, digests, expectedType);
    }

    private static Verification dsseDigests(
            Dsse.Envelope env,
            String shown,
            List<PublicKey> keys,
            Map<String, String> artifacts,
            Optional<String> expectedType) {
        byte[] pae = env.pae();
        boolean signed =
                env.signatures().stream()
                        .anyMatch(
                                s ->
                                        keys.stream()
                                                .anyMatch(k -> Signatures.verify(k, pae, s.sig())));
        if (!signed) {
            return failed(
                    shown
                            + ": no DSSE signature verifies with the given key (wrong key, or the payload or "
                            + "payload type was changed)");
        }
        if (!env.payloadType().equals(Dsse.IN_TOTO)) {
            return failed(
                    shown
                            + ": payload type is '"
                            + env.payloadType()
                            + "', expected "
                            + Dsse.IN_TOTO);
        }
        InTotoStatement st;
        try {
            st = InTotoStatement.parse(env.payload(), shown);
        } catch (SigstoreBundle.BundleException e) {
            return failed(e.getMessage());
        }
        if (expectedType.isPresent() && !expectedType.get().equals(st.predicateType())) {
            return failed(
                    shown
                            + ": predicate type is '"
                            + st.predicateType()
                            + "', expected '"
                            + expectedType.get()
                            + "'");
        }
        List<String> details = new ArrayList<>();
        details.add(
                "verified the DSSE signature of "
                        + shown
                        + " (predicate type "
                        + st.predicateType()
                        + ")");
        if (artifacts.isEmpty()) {
            details.add("no files given: the subjects were not compared with any artifact");
        }
        for (Map.Entry<String, String> a : artifacts.entrySet()) {
            String hex = a.getValue();
            if (st.subjects().stream().noneMatch(s -> s.sha256().equals(hex))) {
                return failed(
                        "digest mismatch: "
                                + a.getKey()
                                + " (sha256:"
                                + hex
                                + ") is not a subject of "
                                + shown
                                + " (subjects: "
                                + String.join(
                                        ", ",
                                        st.subjects().stream()
                                                .map(s -> s.name() + " sha256:" + s.sha256())
                                                .toList())
                                + ")");
            }
            details.add("subject " + a.getKey() + " sha256:" + hex + " matches");
        }
        return new Verification(true, null, st.predicateType(), null, null, details);
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
