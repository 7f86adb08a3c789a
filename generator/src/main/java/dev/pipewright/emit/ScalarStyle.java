package dev.pipewright.emit;

/** The presentation chosen for a string scalar, and the rules that choose it. */
enum ScalarStyle {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL;

    // c-indicator characters of YAML 1.1/1.2; '-', '?' and ':' get a second chance below.
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    // After a leading '-', '?' or ':' we insist on a "boring" character, to stay clear of flow
    // indicators and comments even though block context would tolerate some of them.
    private static final String NOT_AFTER_LEADING_INDICATOR = " ,[]{}#&*!|>'\"%@`";

    /** The style for a mapping value or sequence item. */
    static ScalarStyle forValue(String s) {
        if (isPlainSafe(s)) {
            return PLAIN;
        }
        if (s.indexOf('\n') >= 0 && LiteralBlock.canRepresent(s)) {
            return LITERAL;
        }
        return YamlChars.allInlineSafe(s) ? SINGLE_QUOTED : DOUBLE_QUOTED;
    }

    /** The style for a mapping key: implicit keys must fit on one line, so never a block. */
    static ScalarStyle forKey(String s) {
        if (isPlainSafe(s)) {
            return PLAIN;
        }
        return YamlChars.allInlineSafe(s) ? SINGLE_QUOTED : DOUBLE_QUOTED;
    }

    /**
     * True when {@code s} can be written as a plain scalar and reads back as the same string under
     * YAML 1.1 and 1.2. Conservative: some strings that would survive are still reported unsafe.
     */
    static boolean isPlainSafe(String s) {
        if (s.isEmpty() || !YamlChars.allInlineSafe(s)) {
            return false;
        }
        // Plain scalars lose leading/trailing spaces; refuse any Unicode space there as well, so
        // what a reviewer sees at the edges is what the reader gets.
        int first = s.codePointAt(0);
        int last = s.codePointBefore(s.length());
        if (isAnySpace(first) || isAnySpace(last)) {
            return false;
        }
        char c0 = s.charAt(0);
        if (c0 == '-' || c0 == '?' || c0 == ':') {
            if (s.length() == 1 || NOT_AFTER_LEADING_INDICATOR.indexOf(s.charAt(1)) >= 0) {
                return false;
            }
        } else if (INDICATORS.indexOf(c0) >= 0) {
            return false;
        }
        // "---" and "..." at column 0 (a top-level key) would start or end a document.
        if (s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        // ": " ends an implicit key, " #" starts a comment, a trailing ':' makes a key of it.
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
            return false;
        }
        return !ImplicitTypes.resolvesToNonString(s);
    }

    private static boolean isAnySpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
