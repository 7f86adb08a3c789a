package dev.pipewright.emit;

import java.util.Locale;

/** Renders single- and double-quoted flow scalars; always one line, never folded. */
final class Quoting {
    private Quoting() {}

    static String singleQuoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * Double-quoted with escapes. Only the most widely implemented escapes are used (backslash t,
     * n, r, backslash, quote, x plus 2 hex digits, u plus 4), not the named NEL/LS/PS/NBSP forms
     * (N, L, P, underscore), which minimal parsers tend to lack.
     *
     * @throws IllegalArgumentException for an unpaired surrogate, which no UTF-8 YAML file can hold
     */
    static String doubleQuoted(String s) {
        return doubleQuoted(s, true);
    }

    /** For error messages: escapes like {@link #doubleQuoted(String)} but never throws. */
    static String doubleQuotedLenient(String s) {
        return doubleQuoted(s, false);
    }

    private static String doubleQuoted(String s, boolean strict) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (strict && cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                throw new IllegalArgumentException(
                        "string contains an unpaired surrogate at index " + (i - 1));
            }
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (YamlChars.isInlineSafe(cp)) {
                        b.appendCodePoint(cp);
                    } else if (cp <= 0xFF) {
                        b.append("\\x").append(hex(cp, 2));
                    } else {
                        b.append("\\u").append(hex(cp, 4));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String hex(int cp, int width) {
        String h = Integer.toHexString(cp).toUpperCase(Locale.ROOT);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }
}
