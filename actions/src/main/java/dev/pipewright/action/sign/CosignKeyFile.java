package dev.pipewright.action.sign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.action.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * cosign's encrypted private key: a PEM ({@code ENCRYPTED SIGSTORE PRIVATE KEY}, formerly {@code
 * ENCRYPTED COSIGN PRIVATE KEY}) whose body is go-securesystemslib's JSON: scrypt KDF and NaCl
 * secretbox (XSalsa20-Poly1305) around the PKCS#8 DER.
 */
public final class CosignKeyFile {
    public static final String LABEL = "ENCRYPTED SIGSTORE PRIVATE KEY";
    public static final String LEGACY_LABEL = "ENCRYPTED COSIGN PRIVATE KEY";

    /** cosign's current parameters (N = 2^16, r = 8, p = 1). */
    static final int N = 65536;

    static final int R = 8;
    static final int P = 1;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private CosignKeyFile() {}

    /**
     * The password does not open the key (or the file was changed); callers may explain a missing
     * password.
     */
    static final class AuthenticationFailed extends InputException {
        private static final long serialVersionUID = 1L;

        AuthenticationFailed(String message) {
            super(message);
        }
    }

    /**
     * Decrypts the PEM body; a wrong password and a corrupted file both fail the authentication
     * tag.
     */
    public static byte[] decrypt(byte[] body, byte[] password, String shown) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the input; name only the position.
            throw new InputException(
                    shown
                            + ": the encrypted key's JSON is malformed at column "
                            + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new InputException(shown + ": the encrypted key cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw new InputException(shown + ": the encrypted key is not a JSON object");
        }
        String kdf = root.path("kdf").path("name").asText();
        String cipher = root.path("cipher").path("name").asText();
        if (!kdf.equals("scrypt") || !cipher.equals("nacl/secretbox")) {
            throw new InputException(
                    shown
                            + ": unsupported key encryption '"
                            + kdf
                            + "' + '"
                            + cipher
                            + "'; cosign keys use scrypt + nacl/secretbox");
        }
        JsonNode params = root.path("kdf").path("params");
        int n = params.path("N").asInt(-1);
        int r = params.path("r").asInt(-1);
        int p = params.path("p").asInt(-1);
        // Bounded so a crafted key cannot make us allocate gigabytes (N*r*128 bytes).
        if (n < 1024
                || n > (1 << 20)
                || Integer.bitCount(n) != 1
                || r < 1
                || r > 32
                || p < 1
                || p > 16) {
            throw new InputException(
                    shown + ": unsupported scrypt parameters N=" + n + " r=" + r + " p=" + p);
        }
        byte[] salt = base64(root, "kdf", "salt", shown);
        byte[] nonce = base64(root, "cipher", "nonce", shown);
        byte[] boxed = base64(root, null, "ciphertext", shown);
        if (nonce.length != 24 || boxed.length < 16) {
            throw new InputException(
                    shown + ": the encrypted key is truncated (nonce or ciphertext too short)");
        }
        byte[] key = SCrypt.generate(password, salt, n, r, p, 32);
        byte[] plain = open(key, nonce, boxed);
        if (plain == null) {
            throw new AuthenticationFailed(
                    shown
                            + ": wrong password, or the key file is corrupted (authentication failed)");
        }
        return plain;
    }

    /** A new cosign key file (PEM) holding {@code pkcs8}, with a fresh salt and nonce. */
    public static String encrypt(byte[] pkcs8, byte[] password) {
        byte[] salt = new byte[32];
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        byte[] key = SCrypt.generate(password, salt, N, R, P, 32);
        byte[] boxed = seal(key, nonce, pkcs8);
        // Field order as cosign writes it.
        ObjectNode root = JSON.createObjectNode();
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("name", "scrypt");
        kdf.putObject("params").put("N", N).put("r", R).put("p", P);
        kdf.put("salt", Base64.getEncoder().encodeToString(salt));
        ObjectNode c = root.putObject("cipher");
        c.put("name", "nacl/secretbox");
        c.put("nonce", Base64.getEncoder().encodeToString(nonce));
        root.put("ciphertext", Base64.getEncoder().encodeToString(boxed));
        try {
            return Pem.encode(LABEL, JSON.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
        XSalsa20Engine salsa = new XSalsa20Engine();
        salsa.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        byte[] polyKey = new byte[32];
        salsa.processBytes(new byte[32], 0, 32, polyKey, 0);
        byte[] out = new byte[16 + message.length];
        salsa.processBytes(message, 0, message.length, out, 16);
        byte[] tag = mac(polyKey, out, 16, message.length);
        System.arraycopy(tag, 0, out, 0, 16);
        return out;
    }

    /**
     * NaCl secretbox open: the Poly1305 key is the first 32 keystream bytes; null when the tag does
     * not match.
     */
    static byte[] open(byte[] key, byte[] nonce, byte[] boxed) {
        XSalsa20Engine salsa = new XSalsa20Engine();
        salsa.init(false, new ParametersWithIV(new KeyParameter(key), nonce));
        byte[] polyKey = new byte[32];
        salsa.processBytes(new byte[32], 0, 32, polyKey, 0);
        byte[] tag = mac(polyKey, boxed, 16, boxed.length - 16);
        if (!MessageDigest.isEqual(tag, Arrays.copyOf(boxed, 16))) {
            return null;
        }
        byte[] plain = new byte[boxed.length - 16];
        salsa.processBytes(boxed, 16, plain.length, plain, 0);
        return plain;
    }

    private static byte[] mac(byte[] polyKey, byte[] data, int off, int len) {
        Poly1305 poly = new Poly1305();
        poly.init(new KeyParameter(polyKey));
        poly.update(data, off, len);
        byte[] tag = new byte[16];
        poly.doFinal(tag, 0);
        return tag;
    }

    private static byte[] base64(JsonNode root, String object, String field, String shown) {
        JsonNode node = object == null ? root.path(field) : root.path(object).path(field);
        String where = object == null ? field : object + "." + field;
        if (!node.isTextual()) {
            throw new InputException(shown + ": the encrypted key has no " + where);
        }
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    shown + ": " + where + " of the encrypted key is not valid base64");
        }
    }

    static byte[] utf8(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
