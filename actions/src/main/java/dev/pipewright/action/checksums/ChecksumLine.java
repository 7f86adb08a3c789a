package dev.pipewright.action.checksums;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of a checksum file, written and read exactly as GNU coreutils 9 does: a name containing
 * {@code \}, newline or carriage return makes the line start with {@code \} and is written with
 * {@code \\}, {@code \n}, {@code \r} escapes.
 */
public record ChecksumLine(
        ChecksumAlgorithm algorithm, String hex, String name, ChecksumFormat format) {

    /** The line without its terminating newline. */
    public String toLine() {
        boolean escape = needsEscape(name);
        String shown = escape ? escape(name) : name;
        String prefix = escape ? "\\" : "";
        return switch (format) {
            case TEXT -> prefix + hex + "  " + shown;
            case BINARY -> prefix + hex + " *" + shown;
            case TAG -> prefix + algorithm.tag() + " (" + shown + ") = " + hex;
        };
    }

    static boolean needsEscape(String name) {
        return name.indexOf('\\') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0;
    }

    static String escape(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (char c : name.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Parses a line in any of the three formats as {@code sha256sum -c} does (algorithm from the
     * tag or the digest length); empty when the line is not properly formatted.
     */
    public static Optional<ChecksumLine> parse(String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        boolean escaped = i < line.length() && line.charAt(i) == '\\';
        if (escaped) {
            i++;
        }
        String rest = line.substring(i);
        Optional<ChecksumLine> tagged = parseTag(rest, escaped);
        return tagged.isPresent() ? tagged : parseGnu(rest, escaped);
    }

    private static Optional<ChecksumLine> parseTag(String s, boolean escaped) {
        int open = s.indexOf(" (");
        int close = s.lastIndexOf(") = ");
        if (open <= 0 || close < open + 2) {
            return Optional.empty();
        }
        Optional<ChecksumAlgorithm> algorithm = ChecksumAlgorithm.byTag(s.substring(0, open));
        if (algorithm.isEmpty()) {
            return Optional.empty();
        }
        String hex = s.substring(close + 4);
        if (!isHex(hex, algorithm.get().hexLength())) {
            return Optional.empty();
        }
        return unescape(s.substring(open + 2, close), escaped)
                .map(
                        name ->
                                new ChecksumLine(
                                        algorithm.get(),
                                        hex.toLowerCase(Locale.ROOT),
                                        name,
                                        ChecksumFormat.TAG));
    }

    private static Optional<ChecksumLine> parseGnu(String s, boolean escaped) {
        int end = 0;
        while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0) {
            end++;
        }
        Optional<ChecksumAlgorithm> algorithm = ChecksumAlgorithm.byHexLength(end);
        if (algorithm.isEmpty()
                || end >= s.length()
                || (s.charAt(end) != ' ' && s.charAt(end) != '\t')) {
            return Optional.empty();
        }
        int i = end + 1;
        ChecksumFormat format = ChecksumFormat.TEXT;
        if (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '*')) {
            format = s.charAt(i) == '*' ? ChecksumFormat.BINARY : ChecksumFormat.TEXT;
            i++;
        }
        if (i >= s.length()) {
            return Optional.empty();
        }
        String hex = s.substring(0, end).toLowerCase(Locale.ROOT);
        ChecksumFormat f = format;
        return unescape(s.substring(i), escaped)
                .map(name -> new ChecksumLine(algorithm.get(), hex, name, f));
    }

    private static Optional<String> unescape(String s, boolean escaped) {
        if (!escaped) {
            return Optional.of(s);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= s.length()) {
                return Optional.empty();
            }
            switch (s.charAt(i)) {
                case '\\' -> sb.append('\\');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(sb.toString());
    }

    private static boolean isHex(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        try {
            HexFormat.of().parseHex(s.toLowerCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
