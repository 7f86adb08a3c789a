package dev.pipewright.emit;

import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random documents built from nasty strings must read back identically under every reader. Each
 * tree has its own seed, printed on failure; override the base with -Dpipewright.emit.seed.
 */
class YamlWriterPropertyTest {
    private static final int TREES = 2500;

    // Pieces strings are glued from: indicators, breaks, spaces, invisible and non-BMP characters.
    private static final String[] ALPHABET = {
        "a",
        "b",
        "Z",
        "x",
        "e",
        "E",
        "o",
        "0",
        "1",
        "7",
        "9",
        " ",
        " ",
        "  ",
        ".",
        "-",
        "_",
        ":",
        ": ",
        " #",
        "#",
        "'",
        "\"",
        "\\",
        "{",
        "}",
        "[",
        "]",
        ",",
        "&",
        "*",
        "!",
        "|",
        ">",
        "%",
        "@",
        "`",
        "?",
        "~",
        "=",
        "<<",
        "$",
        "${{",
        "}}",
        "\n",
        "\n",
        "\n\n",
        "\t",
        "\r",
        "\r\n",
        "ü",
        "é",
        "中",
        "😀",
        "\u0085",
        "\u2028",
        "\u2029",
        "\u00A0",
        "\uFEFF",
        "\u0000",
        "\u0007",
        "\u001B",
        "\u007F",
        "\u009F",
        "\uFFFE",
        "\uFFFD",
        "\u3000",
        "---",
        "...",
        "0x",
        "0o",
        "1e3",
        ".inf",
        "12:30",
        "yes",
        "on",
        "null",
        "true",
        "2001-12-14"
    };

    private static final String[] COMMENT_ALPHABET = {
        "v4.2.2", " ", "#", ":", "'", "\"", "\t", "ü", "😀", "- x", "{", "|", "${{ x }}"
    };

    @Test
    void randomTreesRoundTripInEveryReader() {
        long base = Long.getLong("pipewright.emit.seed", 0x5EED_2026L);
        for (int i = 0; i < TREES; i++) {
            long seed = base + i;
            Gen gen = new Gen(new Random(seed));
            YamlMap root = gen.map(0);
            List<String> header = gen.r.nextInt(4) == 0 ? List.of(gen.comment(), "") : null;
            String doc;
            try {
                doc = YamlWriter.write(root, header);
            } catch (RuntimeException e) {
                throw new AssertionError("seed=" + seed + ": write failed for " + root, e);
            }
            if (doc.indexOf('\r') >= 0
                    || !doc.endsWith("\n")
                    || !doc.equals(YamlWriter.write(root, header))) {
                fail("seed=%d: not LF-only, unterminated or not deterministic:%n%s", seed, doc);
            }
            for (Readers r : Readers.values()) {
                String diff;
                try {
                    diff = Readers.diff(r.expected(root), r.load(doc), "");
                } catch (RuntimeException e) {
                    diff = "reader threw " + e;
                }
                if (diff != null) {
                    fail(
                            "seed=%d (base %d, tree %d), reader %s: %s%n--- document ---%n%s",
                            seed, base, i, r, diff, doc);
                }
            }
        }
    }

    /** Random trees; maps and sequences up to depth 4, strings from the nasty alphabet. */
    static final class Gen {
        final Random r;

        Gen(Random r) {
            this.r = r;
        }

        YamlNode node(int depth) {
            int k = r.nextInt(depth >= 4 ? 1 : 10);
            return k == 0 ? scalar() : k <= 5 ? map(depth + 1) : seq(depth + 1);
        }

        YamlMap map(int depth) {
            YamlMap m = new YamlMap();
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                m.put(key(), node(depth));
            }
            return m;
        }

        YamlSeq seq(int depth) {
            List<YamlNode> items = new ArrayList<>();
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                items.add(node(depth));
            }
            return new YamlSeq(items);
        }

        String key() {
            return switch (r.nextInt(10)) {
                case 0 -> "on";
                case 1 -> pick(QuotingTableTest.NASTY);
                case 2 ->
                        "k".repeat(990 + r.nextInt(30)) + string(); // around the implicit-key limit
                default -> string();
            };
        }

        YamlScalar scalar() {
            Object value =
                    switch (r.nextInt(10)) {
                        case 0 -> r.nextBoolean();
                        case 1 ->
                                r.nextInt(3) == 0
                                        ? pick(List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE))
                                        : r.nextLong() >> r.nextInt(64);
                        case 2 -> r.nextInt(1000) - 500;
                        case 3 ->
                                BigDecimal.valueOf(
                                        r.nextLong() % 1_000_000_000_000L, r.nextInt(12) - 3);
                        default -> string();
                    };
            boolean multiLine = value instanceof String s && s.indexOf('\n') >= 0;
            return new YamlScalar(value, !multiLine && r.nextInt(4) == 0 ? comment() : null);
        }

        String string() {
            return switch (r.nextInt(12)) {
                case 0 -> pick(QuotingTableTest.NASTY);
                case 1 -> pick(QuotingTableTest.NASTY) + glue(3) + pick(QuotingTableTest.NASTY);
                case 2 -> lines();
                case 3 -> "w".repeat(300 + r.nextInt(50)) + glue(4);
                default -> glue(1 + r.nextInt(10));
            };
        }

        /** Script-like text: lines with leading/trailing spaces, empty lines, trailing breaks. */
        String lines() {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                b.append(" ".repeat(r.nextInt(3) == 0 ? r.nextInt(4) : 0))
                        .append(glue(r.nextInt(4)));
                b.append(" ".repeat(r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0));
                b.append("\n".repeat(r.nextInt(3)));
            }
            return b.toString();
        }

        String glue(int pieces) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < pieces; i++) {
                b.append(ALPHABET[r.nextInt(ALPHABET.length)]);
            }
            return b.toString();
        }

        String comment() {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                b.append(COMMENT_ALPHABET[r.nextInt(COMMENT_ALPHABET.length)]);
            }
            return b.toString();
        }

        <T> T pick(List<T> list) {
            return list.get(r.nextInt(list.size()));
        }
    }
}
