package dev.pipewright.codegen;

/**
 * Makes descriptions from action metadata safe inside a Javadoc comment: they are third-party text,
 * so a comment end, a unicode escape, a tag or HTML in them must not change the meaning of the
 * generated source.
 */
final class Javadoc {
    private Javadoc() {}

    /** Escapes {@code text} as a whole: no comment end, no unicode escapes, no tags, no HTML. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\\", "&#92;")
                .replace("*/", "*&#47;")
                .replace("@", "&#64;");
    }

    /**
     * A multi-line text, each line escaped and stripped of trailing blanks, ending in a newline.
     */
    static String block(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            sb.append(escape(line).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** A text folded onto one line and escaped, for a summary or a {@code @param}. */
    static String line(String text) {
        return escape(text.strip().replaceAll("\\s*\n\\s*", " "));
    }
}
