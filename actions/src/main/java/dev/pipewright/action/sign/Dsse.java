package dev.pipewright.action.sign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** DSSE (Dead Simple Signing Envelope) v1: the pre-authentication encoding and the envelope. */
public final class Dsse {
    /** The in-toto payload type. */
    public static final String IN_TOTO = "application/vnd.in-toto+json";

    /** One signature; Sigstore bundles leave {@code keyid} empty. */
    public record Signature(String keyid, byte[] sig) {
        public Signature {
            Objects.requireNonNull(keyid, "keyid == null");
            sig = sig.clone();
        }
    }

    /** The envelope: payload bytes, their type, and signatures over {@link #pae}. */
    public record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {
        public Envelope {
            Objects.requireNonNull(payloadType, "payloadType == null");
            payload = payload.clone();
            signatures = List.copyOf(signatures);
        }

        public byte[] pae() {
            return Dsse.pae(payloadType, payload);
        }
    }

    private Dsse() {}

    /**
     * {@code "DSSEv1" SP len(type) SP type SP len(body) SP body}, lengths as ASCII decimal byte
     * counts.
     */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
