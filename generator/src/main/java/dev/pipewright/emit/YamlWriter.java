package dev.pipewright.emit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Writes a {@link YamlMap} as a block-style YAML document in Pipewright's dialect. */
public final class YamlWriter {
    private static final int INDENT = 2;

    // YAML 1.1 and 1.2 cap implicit keys at 1024 characters; longer keys use the explicit
    // "? key" form. Measured on the written key, in UTF-16 units (>= code points), with slack.
    private static final int MAX_IMPLICIT_KEY = 1000;

    private final StringBuilder out = new StringBuilder();

    private YamlWriter() {}

    /**
     * Writes a document: the header lines as {@code # line} comments, then the root mapping. LF
     * line endings, a final newline, no {@code ---} and no document end marker.
     *
     * @param header comment lines written first; null or empty for none
     * @throws IllegalArgumentException when a header line is not a single printable line, or a
     *     string holds an unpaired surrogate
     */
    public static String write(YamlMap root, List<String> header) {
        Objects.requireNonNull(root, "root == null");
        YamlWriter w = new YamlWriter();
        if (header != null) {
            for (String line : header) {
                w.headerLine(Objects.requireNonNull(line, "header line == null"));
            }
        }
        if (root.isEmpty()) {
            w.out.append("{}\n");
        } else {
            w.mapBody(root, 0, false);
        }
        return w.out.toString();
    }

    /**
     * True when {@code s} can be written as a plain scalar and reads back as the same string under
     * YAML 1.1 and YAML 1.2.
     */
    static boolean isPlainSafe(String s) {
        return ScalarStyle.isPlainSafe(s);
    }

    private void headerLine(String line) {
        YamlChars.requireCommentText(line);
        out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }

    /**
     * @param indent column of the keys
     * @param continuesLine the first key goes on the current line (after a sequence dash)
     */
    private void mapBody(YamlMap map, int indent, boolean continuesLine) {
        boolean first = true;
        YamlNode.Visitor<Void> afterKey = afterKey(indent);
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            if (!(first && continuesLine)) {
                pad(indent);
            }
            first = false;
            String key = key(e.getKey());
            if (key.length() > MAX_IMPLICIT_KEY) {
                out.append("? ").append(key).append('\n');
                pad(indent);
            } else {
                out.append(key);
            }
            out.append(':');
            e.getValue().accept(afterKey);
        }
    }

    /**
     * @param indent column of the dashes
     * @param continuesLine the first dash goes on the current line (a sequence inside a sequence)
     */
    private void seqBody(YamlSeq seq, int indent, boolean continuesLine) {
        boolean first = true;
        YamlNode.Visitor<Void> afterDash = afterDash(indent);
        for (YamlNode item : seq.items()) {
            if (!(first && continuesLine)) {
                pad(indent);
            }
            first = false;
            out.append('-');
            item.accept(afterDash);
        }
    }

    /** Writes what follows "key:"; nested collections go on the next lines, indented. */
    private YamlNode.Visitor<Void> afterKey(int indent) {
        // Sequences under a key are indented (not the "indentless" style): clearer nesting.
        return afterIndicator(indent, false);
    }

    /**
     * Writes what follows a sequence dash. Collections start on the dash line ("- name: x", "- -
     * a"): compact and valid in both YAML versions; their lines continue aligned two columns right
     * of the dash.
     */
    private YamlNode.Visitor<Void> afterDash(int indent) {
        return afterIndicator(indent, true);
    }

    /**
     * Writes a value after a key's colon or a dash at {@code indent}: scalars on the same line,
     * empty collections as {@code {}} / {@code []}, others one level deeper, starting on the same
     * line when {@code onSameLine} (after a dash) and on the next one otherwise (after a key).
     */
    private YamlNode.Visitor<Void> afterIndicator(int indent, boolean onSameLine) {
        char beforeNested = onSameLine ? ' ' : '\n';
        return new YamlNode.Visitor<>() {
            @Override
            public Void visit(YamlNull nothing) {
                out.append('\n');
                return null;
            }

            @Override
            public Void visit(YamlScalar s) {
                out.append(' ');
                scalar(s, indent);
                return null;
            }

            @Override
            public Void visit(YamlMap m) {
                if (m.isEmpty()) {
                    out.append(" {}\n");
                } else {
                    out.append(beforeNested);
                    mapBody(m, indent + INDENT, onSameLine);
                }
                return null;
            }

            @Override
            public Void visit(YamlSeq q) {
                if (q.items().isEmpty()) {
                    out.append(" []\n");
                } else {
                    out.append(beforeNested);
                    seqBody(q, indent + INDENT, onSameLine);
                }
                return null;
            }
        };
    }

    /** Writes a scalar, its comment and the line break; {@code indent} is the holder's column. */
    private void scalar(YamlScalar scalar, int indent) {
        Object v = scalar.value();
        if (v instanceof String s) {
            ScalarStyle style = ScalarStyle.forValue(s);
            if (style == ScalarStyle.LITERAL) {
                // YamlScalar already refuses a comment on a multi-line string.
                LiteralBlock.write(out, s, indent);
                return;
            }
            out.append(inline(s, style));
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString()); // never "1E+3": that would be a string in YAML 1.1
        } else {
            out.append(v); // Boolean -> true/false, Long/Integer -> digits
        }
        if (scalar.comment() != null) {
            out.append(" #");
            if (!scalar.comment().isEmpty()) {
                out.append(' ').append(scalar.comment());
            }
        }
        out.append('\n');
    }

    private static String key(String key) {
        // GitHub dialect: the workflow trigger key "on" is always written plain. GitHub's parser
        // reads it as the string "on"; a strict YAML 1.1 reader (SnakeYAML, PyYAML) reads Boolean
        // true instead. Every GitHub workflow in the wild does this, so we match it. Applies only
        // to
        // the exact key "on"; "On", "ON", "yes", ... are quoted like any other string.
        if (key.equals("on")) {
            return key;
        }
        return inline(key, ScalarStyle.forKey(key));
    }

    private static String inline(String s, ScalarStyle style) {
        return switch (style) {
            case PLAIN -> s;
            case SINGLE_QUOTED -> Quoting.singleQuoted(s);
            case DOUBLE_QUOTED, LITERAL -> Quoting.doubleQuoted(s);
        };
    }

    private void pad(int indent) {
        out.append(" ".repeat(indent));
    }
}
