package dev.pipewright.emit;

/** Writes multi-line strings as literal block scalars ({@code |}, {@code |-}, {@code |+}). */
final class LiteralBlock {
    private LiteralBlock() {}

    /**
     * True when a literal block reproduces {@code s} exactly under YAML 1.1 and 1.2 readers.
     * Anything unusual falls back to a double-quoted line, which is always exact.
     */
    static boolean canRepresent(String s) {
        // Literal blocks can only escape nothing: every character must be printable content, and
        // CR/NEL/LS/PS would be read as (normalised) line breaks by at least one YAML version.
        if (!s.codePoints()
                .allMatch(cp -> cp == '\n' || cp == '\t' || YamlChars.isInlineSafe(cp))) {
            return false;
        }
        // A leading empty line interacts with indentation auto-detection and chomping in ways
        // readers have historically disagreed on; not worth it.
        if (s.startsWith("\n")) {
            return false;
        }
        // Whitespace-only lines are ambiguous with indentation (and editors strip them); a reader
        // may take them as empty lines. Lines with text and trailing spaces are fine.
        for (String line : body(s).split("\n", -1)) {
            if (!line.isEmpty() && line.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the header ({@code |}, {@code |-}, {@code |+}, with {@code 2} when needed), a line
     * break and the content lines indented by {@code indent + 2}.
     *
     * @param indent column of the collection that holds this scalar (a key's column, or a dash's)
     */
    static void write(StringBuilder out, String s, int indent) {
        String body = body(s);
        int trailing = s.length() - body.length();
        out.append('|');
        // The indentation indicator is relative to the enclosing collection's column, so it is
        // always 2 here; needed only when the first line would otherwise look more indented.
        if (body.startsWith(" ") || body.startsWith("\t")) {
            out.append('2');
        }
        out.append(trailing == 0 ? "-" : trailing == 1 ? "" : "+");
        out.append('\n');
        String pad = " ".repeat(indent + 2);
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append(pad).append(line);
            }
            out.append('\n');
        }
        // Keep chomping: every extra trailing line break becomes one empty line.
        out.append("\n".repeat(Math.max(0, trailing - 1)));
    }

    /** {@code s} without its trailing line breaks. */
    private static String body(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }
}
