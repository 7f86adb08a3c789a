package dev.pipewright.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole-document expectations: the dialect is defined by these exact strings. */
class YamlWriterOutputTest {

    private static String write(YamlMap root) {
        String doc = YamlWriter.write(root, null);
        // Every exact document must also be valid YAML for every reader, with the same content.
        for (Readers r : Readers.values()) {
            assertThat(Readers.diff(r.expected(root), r.load(doc), ""))
                    .as("%s reading%n%s", r, doc)
                    .isNull();
        }
        return doc;
    }

    @Test
    void nestedMaps() {
        YamlMap root =
                new YamlMap()
                        .put("name", "CI")
                        .put(
                                "jobs",
                                new YamlMap()
                                        .put(
                                                "build",
                                                new YamlMap()
                                                        .put("runs-on", "ubuntu-latest")
                                                        .put(
                                                                "env",
                                                                new YamlMap()
                                                                        .put(
                                                                                "GOFLAGS",
                                                                                "-mod=mod"))));
        assertThat(write(root))
                .isEqualTo(
                        """
        name: CI
        jobs:
          build:
            runs-on: ubuntu-latest
            env:
              GOFLAGS: -mod=mod
        """);
    }

    @Test
    void sequenceOfMapsStartsOnTheDashLine() {
        YamlMap root =
                new YamlMap()
                        .put(
                                "jobs",
                                new YamlMap()
                                        .put(
                                                "build",
                                                new YamlMap()
                                                        .put(
                                                                "steps",
                                                                YamlSeq.of(
                                                                        new YamlMap()
                                                                                .put("name", "x")
                                                                                .put(
                                                                                        "run",
                                                                                        "echo a\n"),
                                                                        new YamlMap()
                                                                                .put(
                                                                                        "uses",
                                                                                        "actions/setup-java@v4")
                                                                                .put(
                                                                                        "with",
                                                                                        new YamlMap()
                                                                                                .put(
                                                                                                        "java-version",
                                                                                                        "17"))))));
        assertThat(write(root))
                .isEqualTo(
                        """
        jobs:
          build:
            steps:
              - name: x
                run: |
                  echo a
              - uses: actions/setup-java@v4
                with:
                  java-version: '17'
        """);
    }

    @Test
    void sequenceOfSequencesUsesCompactDashes() {
        YamlMap root =
                new YamlMap()
                        .put(
                                "matrix",
                                YamlSeq.of(
                                        YamlSeq.ofStrings(List.of("a", "b")),
                                        YamlSeq.of(
                                                YamlSeq.ofStrings(List.of("c")),
                                                YamlScalar.of("d")),
                                        YamlSeq.of()));
        assertThat(write(root))
                .isEqualTo(
                        """
        matrix:
          - - a
            - b
          - - - c
            - d
          - []
        """);
    }

    @Test
    void emptyCollectionsAreInline() {
        YamlMap root =
                new YamlMap()
                        .put("permissions", new YamlMap())
                        .put("branches", YamlSeq.of())
                        .put("items", YamlSeq.of(new YamlMap(), YamlSeq.of()));
        assertThat(write(root))
                .isEqualTo(
                        """
        permissions: {}
        branches: []
        items:
          - {}
          - []
        """);
        assertThat(write(new YamlMap())).isEqualTo("{}\n");
    }

    @Test
    void literalBlockClipStripKeep() {
        YamlMap root =
                new YamlMap()
                        .put("clip", "a\nb\n")
                        .put("strip", "a\nb")
                        .put("keep", "a\nb\n\n")
                        .put("after", "x");
        assertThat(write(root))
                .isEqualTo(
                        """
        clip: |
          a
          b
        strip: |-
          a
          b
        keep: |+
          a
          b

        after: x
        """);
    }

    @Test
    void literalBlockKeepsEmptyLinesAndTrailingSpaces() {
        YamlMap root = new YamlMap().put("run", "a  \n\nb \n");
        assertThat(write(root)).isEqualTo("run: |\n  a  \n\n  b \n");
    }

    @Test
    void indentationIndicatorWhenFirstLineStartsWithSpace() {
        YamlMap root =
                new YamlMap().put("a", "  x\ny\n").put("b", YamlSeq.of(YamlScalar.of(" z\nw")));
        assertThat(write(root))
                .isEqualTo(
                        """
        a: |2
            x
          y
        b:
          - |2-
             z
            w
        """);
    }

    @Test
    void literalFallsBackToDoubleQuotesWhenItCannotBeExact() {
        YamlMap root =
                new YamlMap()
                        .put("cr", "a\r\nb\r\n")
                        .put("blank", "a\n  \nb")
                        .put("leading", "\nx")
                        .put("only", "\n\n");
        assertThat(write(root))
                .isEqualTo(
                        """
        cr: "a\\r\\nb\\r\\n"
        blank: "a\\n  \\nb"
        leading: "\\nx"
        only: "\\n\\n"
        """);
    }

    @Test
    void inlineCommentAfterScalar() {
        String sha = "11bd71901bbe5b1630ceea73d27597364c9af683";
        YamlMap root =
                new YamlMap()
                        .put("uses", YamlScalar.withComment("actions/checkout@" + sha, "v4.2.2"))
                        .put("quoted", YamlScalar.withComment("yes", "a # inside"))
                        .put(
                                "list",
                                YamlSeq.of(
                                        new YamlScalar(42L, "answer"), new YamlScalar(true, "")));
        assertThat(write(root))
                .isEqualTo(
                        "uses: actions/checkout@"
                                + sha
                                + " # v4.2.2\n"
                                + "quoted: 'yes' # a # inside\n"
                                + "list:\n"
                                + "  - 42 # answer\n"
                                + "  - true #\n");
    }

    @Test
    void headerComments() {
        String doc =
                YamlWriter.write(
                        new YamlMap().put("name", "CI"),
                        List.of("Generated by Pipewright.", "", "Do not edit."));
        assertThat(doc)
                .isEqualTo(
                        """
        # Generated by Pipewright.
        #
        # Do not edit.
        name: CI
        """);
        assertThat(YamlWriter.write(new YamlMap().put("a", 1L), List.of())).isEqualTo("a: 1\n");
    }

    @Test
    void booleansAndNumbers() {
        YamlMap root =
                new YamlMap()
                        .put("t", true)
                        .put("f", false)
                        .put("num", 42L)
                        .put("neg", Long.MIN_VALUE)
                        .put("int", new YamlScalar(7, null))
                        .put("dec", YamlScalar.of(new BigDecimal("3.10")))
                        .put("big", YamlScalar.of(new BigDecimal("1E+3")))
                        .put("small", YamlScalar.of(new BigDecimal("-1E-7")));
        assertThat(write(root))
                .isEqualTo(
                        """
        t: true
        f: false
        num: 42
        neg: -9223372036854775808
        int: 7
        dec: 3.10
        big: 1000
        small: -0.0000001
        """);
    }

    @Test
    void keysAreQuotedLikeValues() {
        YamlMap root =
                new YamlMap()
                        .put("on", new YamlMap().put("push", new YamlMap()))
                        .put("yes", 1L)
                        .put("a: b", 2L)
                        .put("", 3L)
                        .put("new\nline", 4L)
                        .put("${{ matrix.os }}", 5L);
        assertThat(YamlWriter.write(root, null))
                .isEqualTo(
                        """
        on:
          push: {}
        'yes': 1
        'a: b': 2
        '': 3
        "new\\nline": 4
        ${{ matrix.os }}: 5
        """);
    }

    @Test
    void veryLongKeysUseTheExplicitKeyForm() {
        String key = "k".repeat(1200);
        YamlMap root =
                new YamlMap()
                        .put(key, "v")
                        .put(key + "m", new YamlMap().put("a", "b"))
                        .put(key + "s", YamlSeq.ofStrings(List.of("x")));
        assertThat(write(root))
                .isEqualTo(
                        "? "
                                + key
                                + "\n: v\n"
                                + "? "
                                + key
                                + "m\n:\n  a: b\n"
                                + "? "
                                + key
                                + "s\n:\n  - x\n");
    }

    @Test
    void longStringsAreNeverFolded() {
        String longLine = "word ".repeat(100).trim();
        String doc =
                write(
                        new YamlMap()
                                .put("a", longLine)
                                .put("b", longLine + "\n")
                                .put("c", "'" + longLine));
        assertThat(doc)
                .isEqualTo(
                        "a: " + longLine + "\nb: |\n  " + longLine + "\nc: '''" + longLine + "'\n");
    }

    @Test
    void rejectsCommentsThatCannotStayOnTheirLine() {
        assertThatThrownBy(() -> YamlScalar.withComment("x", "two\nlines"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YamlScalar.withComment("x", "cr\r"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YamlScalar.withComment("x", "nel\u0085"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YamlScalar.withComment("a\nb", "comment"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YamlWriter.write(new YamlMap(), List.of("bad\nheader")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsUnpairedSurrogates() {
        assertThatThrownBy(() -> YamlWriter.write(new YamlMap().put("a", "x\uD800y"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> YamlWriter.write(new YamlMap().put("\uDC00", "v"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outputIsDeterministicWithLfOnly() {
        YamlMap root =
                new YamlMap().put("a", "x\r\ny").put("b", YamlSeq.ofStrings(List.of("1", "\r")));
        String doc = YamlWriter.write(root, List.of("h"));
        assertThat(doc)
                .isEqualTo(YamlWriter.write(root, List.of("h")))
                .doesNotContain("\r")
                .endsWith("\n")
                .doesNotStartWith("---");
    }
}
