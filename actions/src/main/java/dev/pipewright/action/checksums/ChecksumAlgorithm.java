package dev.pipewright.action.checksums;

import dev.pipewright.action.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The digests coreutils' {@code sha256sum}/{@code sha512sum} compute, with their names in each
 * format.
 */
public enum ChecksumAlgorithm {
    SHA256("sha256", "SHA-256", "SHA256", 64),
    SHA512("sha512", "SHA-512", "SHA512", 128);

    private final String id;
    private final String jca;
    private final String tag;
    private final int hexLength;

    ChecksumAlgorithm(String id, String jca, String tag, int hexLength) {
        this.id = id;
        this.jca = jca;
        this.tag = tag;
        this.hexLength = hexLength;
    }

    /** The input spelling, e.g. {@code sha256}. */
    public String id() {
        return id;
    }

    /** The BSD {@code --tag} name, e.g. {@code SHA256}. */
    public String tag() {
        return tag;
    }

    public int hexLength() {
        return hexLength;
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " is missing from this JDK", e);
        }
    }

    /** Lower-case hex digest of a file, streamed. */
    public String hex(Path file) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static Optional<ChecksumAlgorithm> byTag(String tag) {
        for (ChecksumAlgorithm a : values()) {
            if (a.tag.equals(tag)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public static Optional<ChecksumAlgorithm> byHexLength(int length) {
        for (ChecksumAlgorithm a : values()) {
            if (a.hexLength == length) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code sha256,sha512} (any order, case-insensitive, no repeats) as given in {@code input}.
     */
    public static List<ChecksumAlgorithm> parseList(String input, List<String> values) {
        List<ChecksumAlgorithm> out = new ArrayList<>();
        for (String v : values) {
            String norm = v.toLowerCase(Locale.ROOT).replace("-", "");
            ChecksumAlgorithm found = null;
            for (ChecksumAlgorithm a : values()) {
                if (a.id.equals(norm)) {
                    found = a;
                }
            }
            if (found == null) {
                throw InputException.forInput(
                        input, "unknown algorithm '" + v + "'; use sha256, sha512 or both");
            }
            if (out.contains(found)) {
                throw InputException.forInput(input, "algorithm '" + v + "' is listed twice");
            }
            out.add(found);
        }
        if (out.isEmpty()) {
            throw InputException.forInput(input, "no algorithm given; use sha256, sha512 or both");
        }
        return out;
    }
}
