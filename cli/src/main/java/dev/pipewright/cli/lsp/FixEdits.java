package dev.pipewright.cli.lsp;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.pipewright.lint.fix.FixApplier;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * The edits {@code lint --fix} would make, as LSP text edits. The fixer rewrites the whole text;
 * sending it back as one whole-document replacement would move the user's cursor and fold state, so
 * the rewrite is split into the line hunks that actually changed. The hunks are applied together:
 * one fix can touch two places (a {@code run:} line and the step's new {@code env:}), and half of
 * it would not be a fix.
 */
final class FixEdits {
    private FixEdits() {}

    /**
     * The edits turning {@code before} into the fixer's result, in document order; empty when
     * nothing changes.
     */
    static List<TextEdit> of(String before, FixApplier.Result fixed) {
        if (!fixed.changed()) {
            return List.of();
        }
        List<String> a = before.lines().toList();
        List<String> b = fixed.text().lines().toList();
        List<TextEdit> out = new ArrayList<>();
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            int from = d.getSource().getPosition();
            int to = from + d.getSource().size();
            StringBuilder text = new StringBuilder();
            for (String line : d.getTarget().getLines()) {
                text.append(line).append('\n');
            }
            // whole lines: from the start of the first changed line to the start of the line after
            // the last
            out.add(
                    new TextEdit(
                            new Range(new Position(from, 0), new Position(to, 0)),
                            text.toString()));
        }
        return out;
    }
}
