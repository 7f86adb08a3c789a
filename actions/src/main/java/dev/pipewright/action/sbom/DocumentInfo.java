package dev.pipewright.action.sbom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a document says about itself: the described artifact, the tool, and the moment of creation
 * ({@code epoch} set from {@code source-date-epoch}/{@code SOURCE_DATE_EPOCH} makes the whole
 * document reproducible).
 *
 * @param created the creation time; from the epoch when one is given, else the current second
 * @param reproducible whether {@code created} came from an epoch (then CycloneDX carries a
 *     timestamp too)
 */
public record DocumentInfo(
        String name, String version, String toolVersion, Instant created, boolean reproducible) {
    public DocumentInfo {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(toolVersion, "toolVersion == null");
        Objects.requireNonNull(created, "created == null");
    }

    /**
     * An RFC 4122 name-based UUID (version 5 layout, SHA-256 truncated) of {@code content}:
     * identical input gives the identical id, any change a different one.
     */
    static String uuid(String content) {
        byte[] h;
        try {
            h =
                    MessageDigest.getInstance("SHA-256")
                            .digest(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                sb.append('-');
            }
            sb.append(String.format("%02x", h[i]));
        }
        return sb.toString();
    }

    static String sha256Hex(String content) {
        try {
            byte[] h =
                    MessageDigest.getInstance("SHA-256")
                            .digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
