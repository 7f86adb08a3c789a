package dev.pipewright.action.sbom.catalog;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Hash values as components carry them: CycloneDX algorithm names to lower-case hex. */
final class Hashes {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private Hashes() {}

    static SortedMap<String, SortedSet<String>> none() {
        return new TreeMap<>();
    }

    /**
     * Adds {@code hex} under {@code alg} when it is hex of the algorithm's length; ignores anything
     * else.
     */
    static void addHex(SortedMap<String, SortedSet<String>> into, String alg, String hex) {
        if (hex == null || !HEX.matcher(hex).matches() || hex.length() != length(alg) * 2) {
            return;
        }
        into.computeIfAbsent(alg, k -> new TreeSet<>()).add(hex.toLowerCase(Locale.ROOT));
    }

    static void addBase64(SortedMap<String, SortedSet<String>> into, String alg, String b64) {
        try {
            addHex(into, alg, HexFormat.of().formatHex(Base64.getDecoder().decode(b64)));
        } catch (IllegalArgumentException e) {
            // not base64: not a hash we can state
        }
    }

    /**
     * Subresource-integrity strings ({@code sha512-<base64> sha1-<base64>}) as npm and pnpm write
     * them.
     */
    static SortedMap<String, SortedSet<String>> integrity(String sri) {
        SortedMap<String, SortedSet<String>> out = none();
        if (sri == null) {
            return out;
        }
        for (String part : sri.trim().split("\\s+")) {
            int dash = part.indexOf('-');
            if (dash <= 0) {
                continue;
            }
            String alg =
                    switch (part.substring(0, dash)) {
                        case "sha512" -> "SHA-512";
                        case "sha384" -> "SHA-384";
                        case "sha256" -> "SHA-256";
                        case "sha1" -> "SHA-1";
                        default -> null;
                    };
            if (alg != null) {
                addBase64(out, alg, part.substring(dash + 1));
            }
        }
        return out;
    }

    /** {@code sha256:<hex>} or {@code sha256=<hex>} as Python tools write them. */
    static void addPrefixed(SortedMap<String, SortedSet<String>> into, String value) {
        if (value == null) {
            return;
        }
        String v = value.trim();
        int sep = v.indexOf(':') > 0 ? v.indexOf(':') : v.indexOf('=');
        if (sep <= 0) {
            return;
        }
        String alg =
                switch (v.substring(0, sep).toLowerCase(Locale.ROOT)) {
                    case "sha256" -> "SHA-256";
                    case "sha384" -> "SHA-384";
                    case "sha512" -> "SHA-512";
                    case "sha1" -> "SHA-1";
                    case "md5" -> "MD5";
                    default -> null;
                };
        if (alg != null) {
            addHex(into, alg, v.substring(sep + 1));
        }
    }

    private static int length(String alg) {
        return switch (alg) {
            case "SHA-512" -> 64;
            case "SHA-384" -> 48;
            case "SHA-256" -> 32;
            case "SHA-1" -> 20;
            case "MD5" -> 16;
            default -> throw new IllegalArgumentException("unknown hash algorithm " + alg);
        };
    }
}
