package dev.pipewright.action.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * Keyless (Fulcio certificate) bundles: who signed (certificate identity and OIDC issuer), and
 * verification against a Sigstore {@code trusted_root.json}: certificate chain at the Rekor
 * integration time, the signature with the certificate's key, and the Rekor signed entry timestamp
 * bound to this signature.
 */
public final class Keyless {
    private static final String OID_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
    private static final String OID_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";

    private Keyless() {}

    /** The signer's identity and issuer as written in the leaf certificate. */
    public record Identity(String identity, String issuer) {}

    public static Identity identity(X509Certificate leaf) {
        String id = null;
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if ((type == 1 || type == 6 || type == 2) && id == null) {
                        id = String.valueOf(san.get(1));
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            id = null;
        }
        return new Identity(id, issuer(leaf));
    }

    private static String issuer(X509Certificate leaf) {
        try {
            byte[] v2 = leaf.getExtensionValue(OID_ISSUER_V2);
            if (v2 != null) {
                ASN1Primitive inner =
                        ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(v2).getOctets());
                return inner instanceof ASN1String s ? s.getString() : null;
            }
            byte[] v1 = leaf.getExtensionValue(OID_ISSUER_V1);
            return v1 == null
                    ? null
                    : new String(
                            ASN1OctetString.getInstance(v1).getOctets(), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    static Verification verify(
            SigstoreBundle b,
            String shown,
            Map<String, byte[]> artifacts,
            Optional<String> expectedType,
            Optional<byte[]> trustedRoot,
            Optional<String> rootShown,
            Optional<String> expectedIdentity,
            Optional<String> expectedIssuer,
            boolean ignoreTlog) {
        X509Certificate leaf;
        try {
            leaf = Keys.certificate(b.certificates().get(0));
        } catch (GeneralSecurityException e) {
            return Verification.failed(
                    "malformed bundle " + shown + ": the signing certificate is not valid X.509");
        }
        Identity who = identity(leaf);
        String signer = "certificate identity " + who.identity() + ", issuer " + who.issuer();
        if (trustedRoot.isEmpty()) {
            return Verification.failed(
                            "not verified: "
                                    + shown
                                    + " is a keyless bundle ("
                                    + signer
                                    + "); give trusted-root (Sigstore trusted_root.json) to verify it")
                    .withIdentity(who.identity(), who.issuer());
        }
        if (expectedIdentity.isEmpty() || expectedIssuer.isEmpty()) {
            throw InputException.forInput(
                    "certificate-identity",
                    "keyless verification needs certificate-identity "
                            + "and certificate-oidc-issuer (the bundle says "
                            + signer
                            + ")");
        }
        Verification v =
                check(
                        b,
                        shown,
                        leaf,
                        who,
                        artifacts,
                        expectedType,
                        trustedRoot.get(),
                        rootShown.orElse("trusted-root"),
                        expectedIdentity.get(),
                        expectedIssuer.get(),
                        ignoreTlog);
        return v.withIdentity(who.identity(), who.issuer());
    }

    private static Verification check(
            SigstoreBundle b,
            String shown,
            X509Certificate leaf,
            Identity who,
            Map<String, byte[]> artifacts,
            Optional<String> expectedType,
            byte[] rootJson,
            String rootShown,
            String expectedIdentity,
            String expectedIssuer,
            boolean ignoreTlog) {
        if (!expectedIdentity.equals(who.identity())) {
            return Verification.failed(
                    shown
                            + ": certificate identity is "
                            + who.identity()
                            + ", expected "
                            + expectedIdentity);
        }
        if (!expectedIssuer.equals(who.issuer())) {
            return Verification.failed(
                    shown
                            + ": certificate issuer is "
                            + who.issuer()
                            + ", expected "
                            + expectedIssuer);
        }
        JsonNode root;
        try {
            root = Json.parse(rootJson, rootShown);
        } catch (Json.JsonException e) {
            throw new InputException(e.getMessage());
        }
        List<String> details = new ArrayList<>();
        Instant time;
        JsonNode entry = b.tlogEntries().path(0);
        if (ignoreTlog) {
            // Without the log there is no trusted signing time; the certificate is checked at its
            // own start.
            time = leaf.getNotBefore().toInstant();
            details.add(
                    "WARNING: transparency log not checked (insecure-ignore-tlog); no trusted signing time");
        } else {
            if (entry.isMissingNode()) {
                return Verification.failed(
                        shown
                                + ": no transparency-log entry (set insecure-ignore-tlog to skip this check)");
            }
            time = Instant.ofEpochSecond(entry.path("integratedTime").asLong());
            String why = verifyEntry(entry, root, b, leaf);
            if (why != null) {
                return Verification.failed(shown + ": transparency-log entry: " + why);
            }
            details.add(
                    "verified the Rekor signed entry timestamp (log index "
                            + entry.path("logIndex").asText()
                            + ", integrated "
                            + time
                            + ")");
        }
        String chain = verifyChain(leaf, root, time);
        if (chain != null) {
            return Verification.failed(shown + ": certificate chain: " + chain);
        }
        details.add(
                "certificate chains to the trusted root at "
                        + time
                        + " ("
                        + who.identity()
                        + ", "
                        + who.issuer()
                        + ")");
        Verification sig;
        if (b.message() != null) {
            if (artifacts.size() != 1) {
                throw InputException.forInput(
                        "files",
                        "give exactly one file to verify a message-signature bundle against");
            }
            var a = artifacts.entrySet().iterator().next();
            if (!Verification.sha256Hex(a.getValue())
                    .equals(HexFormat.of().formatHex(b.message().digest()))) {
                return Verification.failed(
                        "digest mismatch: " + shown + " is not for " + a.getKey());
            }
            sig =
                    Signatures.verify(leaf.getPublicKey(), a.getValue(), b.message().signature())
                            ? new Verification(
                                    true, null, null, null, null, List.of("verified " + a.getKey()))
                            : Verification.failed(
                                    shown + ": the signature does not verify " + a.getKey());
        } else {
            sig =
                    Verification.dsse(
                            b.envelope(),
                            shown,
                            List.of(leaf.getPublicKey()),
                            artifacts,
                            expectedType);
        }
        if (!sig.verified()) {
            return sig;
        }
        details.addAll(sig.details());
        return new Verification(true, null, sig.predicateType(), null, null, details);
    }

    /**
     * Null when the leaf chains to a CA of the trusted root valid at {@code time}, else why not.
     */
    static String verifyChain(X509Certificate leaf, JsonNode root, Instant time) {
        String last = "no certificate authority in the trusted root is valid at " + time;
        for (JsonNode ca : root.path("certificateAuthorities")) {
            if (!validFor(ca.path("validFor"), time)) {
                continue;
            }
            try {
                List<X509Certificate> chain = new ArrayList<>();
                for (JsonNode c : ca.path("certChain").path("certificates")) {
                    chain.add(
                            Keys.certificate(
                                    Base64.getDecoder().decode(c.path("rawBytes").asText())));
                }
                if (chain.isEmpty()) {
                    continue;
                }
                X509Certificate anchor = chain.get(chain.size() - 1);
                List<X509Certificate> path = new ArrayList<>();
                path.add(leaf);
                path.addAll(chain.subList(0, chain.size() - 1));
                CertPath cp = CertificateFactory.getInstance("X.509").generateCertPath(path);
                PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
                params.setRevocationEnabled(false);
                params.setDate(Date.from(time));
                CertPathValidator.getInstance("PKIX").validate(cp, params);
                return null;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                last = e.getMessage();
            }
        }
        return last;
    }

    /**
     * Null when the entry's SET verifies with a trusted Rekor key and its body is about this
     * signature.
     */
    static String verifyEntry(
            JsonNode entry, JsonNode root, SigstoreBundle b, X509Certificate leaf) {
        String logId = entry.path("logId").path("keyId").asText();
        byte[] set =
                Json.base64(entry.path("inclusionPromise").path("signedEntryTimestamp").asText());
        byte[] body = Json.base64(entry.path("canonicalizedBody").asText());
        byte[] logIdBytes = Json.base64(logId);
        if (set == null || set.length == 0 || body == null || logIdBytes == null) {
            return "needs inclusionPromise.signedEntryTimestamp, canonicalizedBody and logId";
        }
        Instant time = Instant.ofEpochSecond(entry.path("integratedTime").asLong());
        PublicKey rekor = null;
        for (JsonNode tlog : root.path("tlogs")) {
            if (tlog.path("logId").path("keyId").asText().equals(logId)
                    && validFor(tlog.path("publicKey").path("validFor"), time)) {
                try {
                    rekor =
                            KeyFactory.getInstance("EC")
                                    .generatePublic(
                                            new X509EncodedKeySpec(
                                                    Base64.getDecoder()
                                                            .decode(
                                                                    tlog.path("publicKey")
                                                                            .path("rawBytes")
                                                                            .asText())));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    return "the trusted root's key for log " + logId + " is not an EC key";
                }
            }
        }
        if (rekor == null) {
            return "log " + logId + " is not in the trusted root";
        }
        // Rekor signs the canonical JSON of these four fields, keys sorted, no spaces.
        String signed =
                "{\"body\":\""
                        + entry.path("canonicalizedBody").asText()
                        + "\",\"integratedTime\":"
                        + entry.path("integratedTime").asLong()
                        + ",\"logID\":\""
                        + HexFormat.of().formatHex(logIdBytes)
                        + "\",\"logIndex\":"
                        + entry.path("logIndex").asLong()
                        + "}";
        if (!Signatures.verify(rekor, signed.getBytes(StandardCharsets.UTF_8), set)) {
            return "the signed entry timestamp does not verify with the log's key";
        }
        return bodyMatches(body, b);
    }

    private static String bodyMatches(byte[] bodyBytes, SigstoreBundle b) {
        JsonNode body;
        try {
            body = Json.parse(bodyBytes, "canonicalizedBody");
        } catch (Json.JsonException e) {
            return e.getMessage();
        }
        String kind = body.path("kind").asText();
        JsonNode spec = body.path("spec");
        Base64.Encoder b64 = Base64.getEncoder();
        if (kind.equals("dsse") && b.envelope() != null) {
            if (!spec.at("/payloadHash/value")
                    .asText()
                    .equals(Verification.sha256Hex(b.envelope().payload()))) {
                return "the logged payload hash is not this bundle's payload";
            }
            for (JsonNode s : spec.path("signatures")) {
                String logged = s.path("signature").asText();
                if (b.envelope().signatures().stream()
                        .anyMatch(x -> b64.encodeToString(x.sig()).equals(logged))) {
                    return null;
                }
            }
            return "the logged signature is not this bundle's signature";
        }
        if (kind.equals("hashedrekord") && b.message() != null) {
            if (!spec.at("/data/hash/value")
                    .asText()
                    .equals(HexFormat.of().formatHex(b.message().digest()))) {
                return "the logged artifact digest is not this bundle's";
            }
            return spec.at("/signature/content")
                            .asText()
                            .equals(b64.encodeToString(b.message().signature()))
                    ? null
                    : "the logged signature is not this bundle's signature";
        }
        return "entry kind '" + kind + "' is not supported for this bundle";
    }

    private static boolean validFor(JsonNode validFor, Instant time) {
        String start = validFor.path("start").asText("");
        String end = validFor.path("end").asText("");
        return (start.isEmpty() || !Instant.parse(start).isAfter(time))
                && (end.isEmpty() || !Instant.parse(end).isBefore(time));
    }
}
