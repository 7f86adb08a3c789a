package dev.pipewright.lint;

import dev.pipewright.github.yaml.TextEdit;
import java.util.List;
import java.util.Objects;

/**
 * The change a rule proposes with a finding, as error-prone's suggested fixes: edits at offsets
 * into the text the rule read, each saying what it does. The edits belong together (a {@code run:}
 * line and the step's new {@code env:}) and are applied all or none; {@code pipewright lint --fix}
 * and the editor's quick fixes apply them.
 */
public record Fix(List<Edit> edits) {
    /** One edit of the fix and the line {@code --fix} prints for it. */
    public record Edit(TextEdit edit, String description) {
        public Edit {
            Objects.requireNonNull(edit, "edit == null");
            Objects.requireNonNull(description, "description == null");
        }
    }

    public Fix {
        edits = List.copyOf(edits);
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a fix has no edits");
        }
    }

    /** A fix of one edit. */
    public static Fix of(TextEdit edit, String description) {
        return new Fix(List.of(new Edit(edit, description)));
    }

    /** The text edits alone. */
    public List<TextEdit> textEdits() {
        return edits.stream().map(Edit::edit).toList();
    }
}
