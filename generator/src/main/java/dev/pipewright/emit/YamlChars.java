package dev.pipewright.emit;

/** Character classes shared by the quoting decisions (YAML 1.1 and 1.2 agree on these). */
final class YamlChars {
    private YamlChars() {}

    /** The c-printable set of YAML 1.1 and 1.2; anything else must be escaped. */
    static boolean isPrintable(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0x7E)
                || cp == 0x85
                || (cp >= 0xA0 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /**
     * Printable and harmless inside a single line: excludes tab, CR, LF, the YAML 1.1 line breaks
     * NEL/LS/PS (a 1.1 reader would fold the line there) and the BOM.
     */
    static boolean isInlineSafe(int cp) {
        return isPrintable(cp)
                && cp != '\t'
                && cp != '\n'
                && cp != '\r'
                && cp != 0x85
                && cp != 0x2028
                && cp != 0x2029
                && cp != 0xFEFF;
    }

    static boolean allInlineSafe(String s) {
        return s.codePoints().allMatch(YamlChars::isInlineSafe);
    }

    /** Comments and header lines must stay on their line: printable, tabs allowed, no breaks. */
    static void requireCommentText(String text) {
        boolean ok = text.codePoints().allMatch(cp -> cp == '\t' || isInlineSafe(cp));
        if (!ok) {
            throw new IllegalArgumentException(
                    "comment must be a single line of printable characters: "
                            + Quoting.doubleQuotedLenient(text));
        }
    }
}
