package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YScalar;

/**
 * Maps an offset inside a scalar's value back to a source position, for every rule that reports
 * inside a scalar: block and multi-line plain scalars are walked line by line, one-line quoted
 * scalars undo their escapes.
 */
public final class Locator {
    private Locator() {}

    /**
     * The source position of an offset in a scalar's value. Block and multi-line plain scalars are
     * walked line by line: each source line, less its indentation, is found at the current place in
     * the value (literal blocks keep the line breaks, folded and plain ones turn them into spaces),
     * which is exact for them; one-line quoted scalars undo their escapes; anything else
     * (multi-line quoted) is {@link #approximate}'s best effort.
     */
    public static Pos at(LintContext ctx, YScalar s, int offset) {
        boolean oneLine = s.pos().line() == s.end().line();
        if (!s.isBlock() && oneLine && s.style() != YScalar.Style.PLAIN) {
            return quoted(ctx, s, offset);
        }
        if (!s.isBlock() && (oneLine || s.style() != YScalar.Style.PLAIN)) {
            return approximate(ctx, s, offset);
        }
        String v = s.value();
        int indent = -1;
        int at = 0;
        int first = s.isBlock() ? s.pos().line() + 1 : s.pos().line();
        for (int line = first; line <= Math.max(s.end().line(), first); line++) {
            String src = ctx.line(line);
            int from;
            if (!s.isBlock()) {
                from =
                        line == first
                                ? s.pos().col() - 1
                                : src.length() - src.stripLeading().length();
            } else {
                if (indent < 0 && !src.isBlank()) {
                    indent = src.length() - src.stripLeading().length();
                }
                from = Math.min(Math.max(indent, 0), src.length() - src.stripLeading().length());
            }
            String content =
                    s.isBlock() ? src.substring(from) : src.substring(from).stripTrailing();
            if (content.isBlank()) {
                continue;
            }
            while (at < v.length()
                    && !v.startsWith(content, at)
                    && (v.charAt(at) == '\n' || v.charAt(at) == ' ')) {
                at++;
            }
            if (!v.startsWith(content, at)) {
                break;
            }
            if (offset <= at + content.length()) {
                return new Pos(line, from + 1 + Math.max(0, offset - at));
            }
            at += content.length();
        }
        return approximate(ctx, s, offset);
    }

    /**
     * A one-line quoted scalar: walks its source, where {@code ''} or a backslash escape stands for
     * one character.
     */
    private static Pos quoted(LintContext ctx, YScalar s, int offset) {
        String src = ctx.line(s.pos().line());
        int col = s.pos().col();
        int i = col;
        for (int n = 0; n < offset && i < src.length(); n++) {
            char c = src.charAt(i);
            if (s.style() == YScalar.Style.SINGLE_QUOTED) {
                i += c == '\'' ? 2 : 1;
            } else if (c == '\\' && i + 1 < src.length()) {
                char e = src.charAt(i + 1);
                i += e == 'x' ? 4 : e == 'u' ? 6 : e == 'U' ? 10 : 2;
            } else {
                i++;
            }
        }
        return new Pos(s.pos().line(), i + 1);
    }

    /**
     * Searches the source for the value line holding the offset: right for most scalars, the
     * fallback for the rest.
     */
    private static Pos approximate(LintContext ctx, YScalar s, int offset) {
        String v = s.value();
        offset = Math.max(0, Math.min(offset, v.length()));
        if (!v.substring(0, offset).contains("\n") && !s.isBlock()) {
            int quote = s.style() == YScalar.Style.PLAIN ? 0 : 1;
            if (s.pos().line() == s.end().line()) {
                return s.pos().plusCols(quote + offset);
            }
        }
        // Multi-line: find the line of the value holding the offset, then that text in the source.
        int lineInValue = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (v.charAt(i) == '\n') {
                lineInValue++;
                lineStart = i + 1;
            }
        }
        int lineEnd = v.indexOf('\n', lineStart);
        String valueLine = v.substring(lineStart, lineEnd < 0 ? v.length() : lineEnd);
        int first = s.isBlock() ? s.pos().line() + 1 : s.pos().line();
        for (int line = first + (s.style() == YScalar.Style.LITERAL ? lineInValue : 0);
                line <= s.end().line();
                line++) {
            String src = ctx.line(line);
            int idx = valueLine.isEmpty() ? -1 : src.indexOf(valueLine.strip());
            if (idx >= 0) {
                int lead = valueLine.length() - valueLine.stripLeading().length();
                return new Pos(line, idx + 1 + (offset - lineStart) - lead);
            }
        }
        return s.pos();
    }
}
