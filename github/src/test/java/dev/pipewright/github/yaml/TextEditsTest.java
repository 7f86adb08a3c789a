package dev.pipewright.github.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextEditsTest {
    private static final String DOC = "image:\n  tag: 1.0.0 # pinned\n  digest: \"\"\n";

    @Test
    void positiveEditsAtOriginalOffsetsKeepTheRest() {
        TextEdits edits = new TextEdits(DOC);
        int digest = DOC.indexOf("\"\"");
        edits.add(new TextEdit(digest, digest + 2, "sha256:abc"));
        int tag = DOC.indexOf("1.0.0");
        edits.add(new TextEdit(tag, tag + 5, "1.1.0"));

        TextEdits.Result r = edits.apply();

        assertThat(r.text()).isEqualTo("image:\n  tag: 1.1.0 # pinned\n  digest: sha256:abc\n");
        assertThat(r.starts())
                .containsExactly(r.text().indexOf("sha256"), r.text().indexOf("1.1.0"));
    }

    @Test
    void positiveInsertsAtOneOffsetKeepTheirOrderBeforeAReplacementThere() {
        TextEdits edits = new TextEdits("ab");
        edits.add(new TextEdit(1, 2, "B"));
        edits.add(TextEdit.insert(1, "1"));
        edits.add(TextEdit.insert(1, "2"));
        edits.add(TextEdit.insert(2, "!"));

        TextEdits.Result r = edits.apply();

        assertThat(r.text()).isEqualTo("a12B!");
        assertThat(r.starts()).containsExactly(3, 1, 2, 4);
    }

    @Test
    void negativeOverlappingEditsAreRefused() {
        TextEdits edits = new TextEdits("abcdef");
        edits.add(new TextEdit(1, 4, "x"));

        assertThat(edits.fits(new TextEdit(3, 5, "y"))).isFalse();
        assertThat(edits.fits(TextEdit.insert(2, "y"))).isFalse();
        assertThat(edits.fits(TextEdit.insert(4, "y"))).isTrue();
        assertThat(edits.fits(new TextEdit(5, 7, "y"))).as("past the end").isFalse();
        assertThat(edits.fits(List.of(new TextEdit(4, 5, "y"), new TextEdit(4, 6, "z"))))
                .as("overlapping each other")
                .isFalse();
        assertThatThrownBy(() -> edits.add(new TextEdit(0, 2, "y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 2) overlaps");
        assertThat(edits.apply().text()).isEqualTo("axef");
    }

    @Test
    void negativeNoEditsGiveTheTextBack() {
        TextEdits edits = new TextEdits(DOC);

        assertThat(edits.isEmpty()).isTrue();
        assertThat(edits.apply().text()).isEqualTo(DOC);
    }

    @Test
    void negativeAnEditMustBeARange() {
        assertThatThrownBy(() -> new TextEdit(3, 2, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("edit [3, 2) is not a range of the text");
    }

    @Test
    void lineOffsetsMapParserPositionsToOffsets() {
        LineOffsets lines = new LineOffsets("on: push\r\njobs:\r\n  a: {}\r\n");

        assertThat(lines.lines()).isEqualTo(4);
        assertThat(lines.line(2)).isEqualTo("jobs:");
        assertThat(lines.line(9)).isEmpty();
        assertThat(lines.offset(2, 1)).isEqualTo(10);
        assertThat(lines.offset(3, 3)).isEqualTo(19);
        assertThat(lines.offset(9, 1)).isEqualTo(lines.text().length());
        assertThat(lines.lineOf(0)).isEqualTo(1);
        assertThat(lines.lineOf(9)).isEqualTo(1);
        assertThat(lines.lineOf(10)).isEqualTo(2);
        assertThat(lines.newline()).isEqualTo("\r\n");
        assertThat(new LineOffsets("a\nb").newline()).isEqualTo("\n");
    }
}
