package dev.pipewright.action.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A Sigstore bundle (protobuf-specs {@code Bundle}, JSON form): verification material (a public-key
 * hint or certificates, plus transparency-log entries) and either a message signature or a DSSE
 * envelope.
 *
 * @param publicKeyHint null when the bundle carries certificates instead
 * @param certificates DER, leaf first; empty for key-based bundles
 * @param tlogEntries the raw entries, kept for keyless verification
 * @param message null for a DSSE bundle
 * @param envelope null for a message-signature bundle
 */
public record SigstoreBundle(
        String mediaType,
        String publicKeyHint,
        List<byte[]> certificates,
        JsonNode tlogEntries,
        MessageSignature message,
        Dsse.Envelope envelope) {
    public static final String MEDIA_TYPE_V03 = "application/vnd.dev.sigstore.bundle.v0.3+json";
    private static final List<String> MEDIA_TYPES =
            List.of(
                    MEDIA_TYPE_V03,
                    "application/vnd.dev.sigstore.bundle+json;version=0.1",
                    "application/vnd.dev.sigstore.bundle+json;version=0.2",
                    "application/vnd.dev.sigstore.bundle+json;version=0.3");

    /** {@code messageSignature}: the digest of the artifact and the signature over the artifact. */
    public record MessageSignature(String digestAlgorithm, byte[] digest, byte[] signature) {}

    /**
     * A bundle that does not follow the schema; the message names the file and the JSON pointer.
     */
    public static final class BundleException extends Exception {
        private static final long serialVersionUID = 1L;

        public BundleException(String message) {
            super(message);
        }
    }

    public SigstoreBundle {
        certificates = List.copyOf(certificates);
        if ((message == null) == (envelope == null)) {
            throw new IllegalArgumentException(
                    "a bundle holds exactly one of messageSignature and dsseEnvelope");
        }
    }

    public static SigstoreBundle ofMessage(String hint, byte[] sha256, byte[] signature) {
        return new SigstoreBundle(
                MEDIA_TYPE_V03,
                hint,
                List.of(),
                Json.MAPPER.createArrayNode(),
                new MessageSignature("SHA2_256", sha256, signature),
                null);
    }

    public static SigstoreBundle ofEnvelope(String hint, Dsse.Envelope envelope) {
        return new SigstoreBundle(
                MEDIA_TYPE_V03, hint, List.of(), Json.MAPPER.createArrayNode(), null, envelope);
    }

    public boolean keyless() {
        return !certificates.isEmpty();
    }

    /** The JSON file, field order as cosign and sigstore-js write it. */
    public String toJson() {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("mediaType", mediaType);
        ObjectNode vm = root.putObject("verificationMaterial");
        if (publicKeyHint != null) {
            vm.putObject("publicKey").put("hint", publicKeyHint);
        } else if (certificates.size() == 1) {
            vm.putObject("certificate").put("rawBytes", b64.encodeToString(certificates.get(0)));
        } else {
            ArrayNode chain = vm.putObject("x509CertificateChain").putArray("certificates");
            certificates.forEach(c -> chain.addObject().put("rawBytes", b64.encodeToString(c)));
        }
        vm.set("tlogEntries", tlogEntries == null ? Json.MAPPER.createArrayNode() : tlogEntries);
        if (message != null) {
            ObjectNode ms = root.putObject("messageSignature");
            ObjectNode md = ms.putObject("messageDigest");
            md.put("algorithm", message.digestAlgorithm());
            md.put("digest", b64.encodeToString(message.digest()));
            ms.put("signature", b64.encodeToString(message.signature()));
        } else {
            ObjectNode env = root.putObject("dsseEnvelope");
            env.put("payload", b64.encodeToString(envelope.payload()));
            env.put("payloadType", envelope.payloadType());
            ArrayNode sigs = env.putArray("signatures");
            envelope.signatures()
                    .forEach(
                            s ->
                                    sigs.addObject()
                                            .put("sig", b64.encodeToString(s.sig()))
                                            .put("keyid", s.keyid()));
        }
        return Json.pretty(root);
    }

    /**
     * Parses and checks the structure; every problem names {@code shown} and where in the document
     * it is.
     */
    public static SigstoreBundle parse(byte[] bytes, String shown) throws BundleException {
        JsonNode root;
        try {
            root = Json.parse(bytes, shown);
        } catch (Json.JsonException e) {
            throw new BundleException(e.getMessage());
        }
        Reader r = new Reader(shown);
        String mediaType = r.text(root, "/mediaType");
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw r.fail(
                    "/mediaType",
                    "unknown media type '" + mediaType + "'; expected " + MEDIA_TYPE_V03);
        }
        JsonNode vm = r.object(root, "/verificationMaterial");
        String hint = null;
        List<byte[]> certs = new ArrayList<>();
        if (vm.has("publicKey")) {
            hint =
                    vm.path("publicKey").path("hint").isTextual()
                            ? vm.path("publicKey").path("hint").asText()
                            : "";
        } else if (vm.has("certificate")) {
            certs.add(r.bytes(root, "/verificationMaterial/certificate/rawBytes"));
        } else if (vm.has("x509CertificateChain")) {
            JsonNode chain = vm.path("x509CertificateChain").path("certificates");
            if (!chain.isArray() || chain.isEmpty()) {
                throw r.fail(
                        "/verificationMaterial/x509CertificateChain/certificates",
                        "missing or empty");
            }
            for (int i = 0; i < chain.size(); i++) {
                certs.add(
                        r.bytes(
                                root,
                                "/verificationMaterial/x509CertificateChain/certificates/"
                                        + i
                                        + "/rawBytes"));
            }
        } else {
            throw r.fail(
                    "/verificationMaterial",
                    "needs publicKey, certificate or x509CertificateChain");
        }
        JsonNode tlog = vm.path("tlogEntries");
        if (!tlog.isMissingNode() && !tlog.isArray()) {
            throw r.fail("/verificationMaterial/tlogEntries", "must be an array");
        }
        boolean hasMessage = root.has("messageSignature");
        boolean hasDsse = root.has("dsseEnvelope");
        if (hasMessage == hasDsse) {
            throw r.fail("", "needs exactly one of messageSignature and dsseEnvelope");
        }
        if (hasMessage) {
            String alg = r.text(root, "/messageSignature/messageDigest/algorithm");
            byte[] digest = r.bytes(root, "/messageSignature/messageDigest/digest");
            byte[] sig = r.bytes(root, "/messageSignature/signature");
            return new SigstoreBundle(
                    mediaType,
                    hint,
                    certs,
                    tlog.isArray() ? tlog : Json.MAPPER.createArrayNode(),
                    new MessageSignature(alg, digest, sig),
                    null);
        }
        String type = r.text(root, "/dsseEnvelope/payloadType");
        byte[] payload = r.bytes(root, "/dsseEnvelope/payload");
        JsonNode sigs = root.at("/dsseEnvelope/signatures");
        if (!sigs.isArray() || sigs.isEmpty()) {
            throw r.fail("/dsseEnvelope/signatures", "missing or empty");
        }
        List<Dsse.Signature> signatures = new ArrayList<>();
        for (int i = 0; i < sigs.size(); i++) {
            JsonNode keyid = sigs.get(i).path("keyid");
            signatures.add(
                    new Dsse.Signature(
                            keyid.isTextual() ? keyid.asText() : "",
                            r.bytes(root, "/dsseEnvelope/signatures/" + i + "/sig")));
        }
        return new SigstoreBundle(
                mediaType,
                hint,
                certs,
                tlog.isArray() ? tlog : Json.MAPPER.createArrayNode(),
                null,
                new Dsse.Envelope(type, payload, signatures));
    }

    public Optional<String> hint() {
        return Optional.ofNullable(publicKeyHint).filter(h -> !h.isEmpty());
    }

    private record Reader(String shown) {
        BundleException fail(String pointer, String why) {
            return new BundleException(
                    shown + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + why);
        }

        JsonNode object(JsonNode root, String pointer) throws BundleException {
            JsonNode n = root.at(pointer);
            if (!n.isObject()) {
                throw fail(pointer, n.isMissingNode() ? "missing" : "must be an object");
            }
            return n;
        }

        String text(JsonNode root, String pointer) throws BundleException {
            JsonNode n = root.at(pointer);
            if (!n.isTextual() || n.asText().isEmpty()) {
                throw fail(pointer, n.isMissingNode() ? "missing" : "must be a non-empty string");
            }
            return n.asText();
        }

        byte[] bytes(JsonNode root, String pointer) throws BundleException {
            byte[] b = Json.base64(text(root, pointer));
            if (b == null) {
                throw fail(pointer, "is not valid base64");
            }
            return b;
        }
    }
}
