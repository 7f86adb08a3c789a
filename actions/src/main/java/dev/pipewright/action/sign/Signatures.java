package dev.pipewright.action.sign;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * ECDSA P-256 with SHA-256, signatures as ASN.1 DER: what cosign sign-blob and openssl dgst -sha256
 * produce.
 */
public final class Signatures {
    private Signatures() {}

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed", e);
        }
    }

    /** False for a wrong signature and for one that is not valid DER. */
    public static boolean verify(PublicKey key, byte[] data, byte[] der) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(key);
            s.update(data);
            return s.verify(der);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA verification failed", e);
        }
    }
}
