package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YScalar;

/**
 * Maps an offset inside a scalar's value back to a source position. Plain and literal scalars map
 * exactly; for folded and escaped scalars we search the source text of the scalar.
 */
public final class Locator {
    private Locator() {}

    public static Pos at(LintContext ctx, YScalar s, int offset) {
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
        for (int line = first + (s.style() == YScalar.Style.LITERAL ? lineInValue : 0); line <= s.end().line(); line++) {
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
