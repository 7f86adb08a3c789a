package dev.pipewright.lint.audit;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YScalar;

/**
 * Source positions of offsets inside scalars: {@link Locator}, plus folded block scalars ({@code >-}) and plain scalars
 * spanning several lines, whose value joins the source lines with spaces so no single value line is in the source.
 */
final class Positions {
    private Positions() {}

    static Pos at(LintContext ctx, YScalar s, int offset) {
        boolean folds = s.style() == YScalar.Style.FOLDED || s.style() == YScalar.Style.PLAIN;
        if (!folds || s.pos().line() == s.end().line()) {
            return Locator.at(ctx, s, offset);
        }
        String v = s.value();
        int cursor = 0;
        for (int line = s.isBlock() ? s.pos().line() + 1 : s.pos().line(); line <= s.end().line(); line++) {
            String src = ctx.line(line);
            if (line == s.pos().line()) {
                // The scalar's first line: blank out what precedes it (the key), keeping columns.
                int from = Math.min(s.pos().col() - 1, src.length());
                src = " ".repeat(from) + src.substring(from);
            }
            String content = src.strip();
            if (content.isEmpty()) {
                continue;
            }
            int at = v.indexOf(content, cursor);
            if (at < 0) {
                break;
            }
            if (offset < at + content.length()) {
                int indent = src.length() - src.stripLeading().length();
                return new Pos(line, indent + 1 + Math.max(0, offset - at));
            }
            cursor = at + content.length();
        }
        return Locator.at(ctx, s, offset);
    }
}
