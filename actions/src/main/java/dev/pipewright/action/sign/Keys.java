package dev.pipewright.action.sign;

import dev.pipewright.action.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * ECDSA P-256 keys in the formats cosign and openssl use: PKCS#8 and SEC1 PEM, cosign's encrypted
 * key files, {@code PUBLIC KEY} PEM and certificates. Error messages never contain key bytes or the
 * password.
 */
public final class Keys {
    private static final X9ECParameters P256 = ECNamedCurveTable.getByName("P-256");
    private static final List<String> PRIVATE_LABELS =
            List.of(
                    CosignKeyFile.LABEL,
                    CosignKeyFile.LEGACY_LABEL,
                    "PRIVATE KEY",
                    "EC PRIVATE KEY");

    /** A private key with its public half. */
    public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        @Override
        public String toString() {
            return "SigningKey[" + hint(publicKey) + "]";
        }
    }

    private Keys() {}

    /**
     * Reads a private key; {@code password} is asked for only when the key is encrypted (absent
     * means empty, as cosign treats an unset COSIGN_PASSWORD).
     */
    public static SigningKey readPrivate(
            String pem, String shown, Supplier<Optional<String>> password) {
        return readPrivate(pem, shown, password, "no password was given");
    }

    /**
     * As {@link #readPrivate(String, String, Supplier)}; {@code whyNoPassword} (e.g.
     * "COSIGN_PASSWORD (password-env) is not set") explains the failure when the key is encrypted
     * with a password and none was given.
     */
    public static SigningKey readPrivate(
            String pem, String shown, Supplier<Optional<String>> password, String whyNoPassword) {
        Pem.Block block = Pem.single(pem, shown, PRIVATE_LABELS);
        byte[] pkcs8;
        switch (block.label()) {
            case CosignKeyFile.LABEL, CosignKeyFile.LEGACY_LABEL -> {
                Optional<String> given = password.get();
                byte[] pw = CosignKeyFile.utf8(given.orElse(""));
                try {
                    pkcs8 = CosignKeyFile.decrypt(block.der(), pw, shown);
                } catch (CosignKeyFile.AuthenticationFailed e) {
                    if (given.isEmpty()) {
                        // Not "wrong password": the user forgot to export it, which is the common
                        // case.
                        throw new InputException(
                                shown
                                        + ": the key is encrypted but no password was given: "
                                        + whyNoPassword);
                    }
                    throw e;
                }
                if (!isPkcs8(pkcs8)) {
                    // cosign rejects such keys too (x509.ParsePKCS8PrivateKey).
                    throw new InputException(
                            shown
                                    + ": the decrypted key is not PKCS#8; cosign cannot use it either");
                }
            }
            case "EC PRIVATE KEY" -> pkcs8 = sec1ToPkcs8(block.der(), shown, block.line());
            default -> pkcs8 = block.der();
        }
        return fromPkcs8(pkcs8, shown, block.line());
    }

    /** A public key from {@code PUBLIC KEY} PEM or the first {@code CERTIFICATE}. */
    public static PublicKey readPublic(String pem, String shown) {
        Pem.Block block = Pem.single(pem, shown, List.of("PUBLIC KEY", "CERTIFICATE"));
        PublicKey key;
        try {
            if (block.label().equals("CERTIFICATE")) {
                key = certificate(block.der()).getPublicKey();
            } else {
                key =
                        KeyFactory.getInstance("EC")
                                .generatePublic(new X509EncodedKeySpec(block.der()));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InputException(
                    shown + ":" + block.line() + ": not an EC public key (" + block.label() + ")");
        }
        requireP256(key, shown, block.line());
        return key;
    }

    public static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
    }

    /**
     * The Sigstore bundle {@code publicKey.hint}: base64 of SHA-256 over the DER
     * SubjectPublicKeyInfo.
     */
    public static String hint(PublicKey key) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh P-256 key pair. */
    public static SigningKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            return new SigningKey(kp.getPrivate(), kp.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * PKCS#8 with the public key inside, as Go's x509.MarshalPKCS8PrivateKey writes it (and cosign
     * stores it).
     */
    public static byte[] pkcs8(SigningKey key) {
        try {
            BigInteger d = ((ECPrivateKey) key.privateKey()).getS();
            byte[] point =
                    SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded())
                            .getPublicKeyData()
                            .getBytes();
            var sec1 =
                    new org.bouncycastle.asn1.sec.ECPrivateKey(
                            256, d, new DERBitString(point), null);
            return new PrivateKeyInfo(
                            new AlgorithmIdentifier(
                                    X9ObjectIdentifiers.id_ecPublicKey,
                                    SECObjectIdentifiers.secp256r1),
                            sec1)
                    .getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicPem(PublicKey key) {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }

    private static boolean isPkcs8(byte[] der) {
        try {
            PrivateKeyInfo.getInstance(der);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] sec1ToPkcs8(byte[] der, String shown, int line) {
        try {
            var sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der);
            return new PrivateKeyInfo(
                            new AlgorithmIdentifier(
                                    X9ObjectIdentifiers.id_ecPublicKey,
                                    SECObjectIdentifiers.secp256r1),
                            sec1)
                    .getEncoded("DER");
        } catch (IOException | RuntimeException e) {
            throw new InputException(shown + ":" + line + ": not a SEC1 EC private key");
        }
    }

    private static SigningKey fromPkcs8(byte[] der, String shown, int line) {
        PrivateKey priv;
        try {
            priv = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InputException(
                    shown
                            + ":"
                            + line
                            + ": not an EC private key; Pipewright signs with ECDSA P-256 "
                            + "keys (cosign generate-key-pair, or openssl ecparam -name prime256v1)");
        }
        requireP256(priv, shown, line);
        return new SigningKey(priv, publicOf((ECPrivateKey) priv));
    }

    /** Q = d·G, since PKCS#8 may omit the public key. */
    private static PublicKey publicOf(ECPrivateKey priv) {
        var q = P256.getG().multiply(priv.getS()).normalize();
        ECPoint w =
                new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        try {
            return KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(w, priv.getParams()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireP256(Key key, String shown, int line) {
        ECParameterSpec params = key instanceof ECKey ec ? ec.getParams() : null;
        if (params == null
                || !params.getOrder().equals(P256.getN())
                || params.getCurve().getField().getFieldSize() != 256) {
            throw new InputException(
                    shown
                            + ":"
                            + line
                            + ": only ECDSA P-256 keys are supported (the key is "
                            + key.getAlgorithm()
                            + ")");
        }
    }
}
