package dev.pipewright.github.yaml;

import java.util.Objects;

/**
 * One change to a text: the characters {@code [start, end)} of the original become {@code
 * replacement}; {@code start == end} inserts. Offsets are {@code char} indices into the original
 * text, never into a partly edited one.
 */
public record TextEdit(int start, int end, String replacement) {
    public TextEdit {
        Objects.requireNonNull(replacement, "replacement == null");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "edit [" + start + ", " + end + ") is not a range of the text");
        }
    }

    /** An insertion of {@code text} at {@code offset}. */
    public static TextEdit insert(int offset, String text) {
        return new TextEdit(offset, offset, text);
    }

    public boolean isInsert() {
        return start == end;
    }

    /**
     * True when both edits touch a same character. Insertions at one offset do not overlap (they go
     * in the order they were added), nor does an insertion at either end of a replaced range.
     */
    public boolean overlaps(TextEdit other) {
        if (isInsert() && other.isInsert()) {
            return false;
        }
        return start < other.end && other.start < end;
    }
}
