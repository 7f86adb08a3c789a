package dev.pipewright.github.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Edits by offset into one original text, applied together: the YAML editing engine of {@code
 * pipewright lint --fix} and of the promote action. Callers locate what to change with a parser
 * that records positions and change only those characters, so comments, quoting, blank lines, key
 * order and line endings stay as the author wrote them (what a load-and-dump round trip cannot do).
 * Edits never overlap, and every offset refers to the original text, so an edit never has to know
 * what the others did.
 */
public final class TextEdits {
    /**
     * The edited text, and where each edit's replacement starts in it (in the order the edits were
     * added).
     */
    public record Result(String text, List<Integer> starts) {
        public Result {
            starts = List.copyOf(starts);
        }
    }

    private final String text;
    private final List<TextEdit> edits = new ArrayList<>();

    public TextEdits(String text) {
        this.text = text;
    }

    /** The original text. */
    public String text() {
        return text;
    }

    /** True when {@code edit} lies inside the text and overlaps none of the edits added so far. */
    public boolean fits(TextEdit edit) {
        if (edit.end() > text.length()) {
            return false;
        }
        for (TextEdit other : edits) {
            if (edit.overlaps(other)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when every one of {@code group} fits, with each other too: a group is added whole or not
     * at all.
     */
    public boolean fits(List<TextEdit> group) {
        for (int i = 0; i < group.size(); i++) {
            if (!fits(group.get(i))) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (group.get(i).overlaps(group.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Adds an edit; one that does not {@link #fits fit} is a bug of the caller's. */
    public void add(TextEdit edit) {
        if (!fits(edit)) {
            throw new IllegalArgumentException(
                    "edit ["
                            + edit.start()
                            + ", "
                            + edit.end()
                            + ") overlaps another edit or"
                            + " ends past the text ("
                            + text.length()
                            + " chars)");
        }
        edits.add(edit);
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /** The edits in the order they were added. */
    public List<TextEdit> edits() {
        return List.copyOf(edits);
    }

    /**
     * The text with every edit made. At one offset, insertions come in the order they were added,
     * before a replacement starting there.
     */
    public Result apply() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            order.add(i);
        }
        order.sort(
                Comparator.<Integer>comparingInt(i -> edits.get(i).start())
                        .thenComparing(i -> edits.get(i).isInsert() ? 0 : 1)
                        .thenComparingInt(i -> i));
        StringBuilder out = new StringBuilder(text.length());
        Integer[] starts = new Integer[edits.size()];
        int copied = 0;
        for (int i : order) {
            TextEdit e = edits.get(i);
            out.append(text, copied, e.start());
            starts[i] = out.length();
            out.append(e.replacement());
            copied = e.end();
        }
        out.append(text, copied, text.length());
        return new Result(out.toString(), List.of(starts));
    }
}
