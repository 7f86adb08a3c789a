package dev.pipewright.model.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code ${{ ... }}} segments of a string value the way GitHub's template reader does: a
 * <code>}}</code> inside a quoted string does not close the expression.
 */
final class TemplateSegments {
    private static final String OPEN = "${{";

    /** The inner text of one segment: {@code text.substring(start, end)}. */
    record Segment(int start, int end) {}

    private TemplateSegments() {}

    static List<Segment> of(String text) {
        List<Segment> segments = new ArrayList<>();
        int open = text.indexOf(OPEN);
        while (open >= 0) {
            int inner = open + OPEN.length();
            int close = -1;
            int stringStart = -1;
            for (int i = inner; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\'') {
                    // toggling per quote also handles the doubled quote escape: 'it''s' toggles
                    // twice
                    stringStart = stringStart < 0 ? i : -1;
                } else if (stringStart < 0 && c == '}' && i > inner && text.charAt(i - 1) == '}') {
                    close = i - 1;
                    break;
                }
            }
            if (close < 0) {
                if (stringStart >= 0) {
                    throw new ExpressionSyntaxException(
                            "unterminated string literal (in the ${{ at position "
                                    + (open + 1)
                                    + ")",
                            stringStart,
                            text);
                }
                throw new ExpressionSyntaxException("unterminated ${{ (no closing }})", open, text);
            }
            segments.add(new Segment(inner, close));
            open = text.indexOf(OPEN, close + 2);
        }
        return segments;
    }
}
