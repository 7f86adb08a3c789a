package dev.pipewright.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Mutates a real input the way a careless edit, a bad merge or a hostile author would: truncation,
 * deleted, duplicated and swapped lines, re-indentation, binary garbage and control characters,
 * alias bombs, deep nesting, expression and number edge cases, values replaced by lists or maps,
 * hostile parameter values. Deterministic for a given {@link Random}, so a failure is replayed from
 * its seed and index.
 */
public final class Mutator {
    private static final String[] JUNK = {
        "${{",
        "}}",
        "'",
        "\"",
        "\t",
        ": ",
        "- ",
        "&x ",
        "*x",
        "!!binary ",
        "{",
        "}",
        "[",
        "]",
        "\u0000",
        "\u007f",
        "\u0083",
        "\u009b",
        "\ufeff",
        "\r",
        "#",
        "|",
        ">-",
        "? ",
        "<<: *x",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "\\",
        "\\u0000",
        "\ud800",
        "=",
        "@",
        ",",
        "\n",
        "0x7fffffffffffffff",
        "-1",
        "1e999",
        "NaN"
    };
    private static final String[] VALUES = {
        "${{ format('{99999999999}', github.sha) }}",
        "${{ format('{', x) }}",
        "${{ fromJSON('[[[[[[[[[[') }}",
        "${{ a.b.c.d[*].e[0]['x'] }}",
        "${{ github.event.issue.title }}",
        "${{ 99999999999999999999 }}",
        "${{ 0x }}",
        "${{ 1e+ }}",
        "$(id)",
        "`id`",
        "../../etc/passwd",
        "-rf",
        "\"quoted\"",
        "'single'",
        "",
        "~",
        "null",
        "[]",
        "{}",
        "[a, [b, {c: d}]]",
        "{a: {b: [c]}}",
        "99999999999",
        "-2147483649",
        "0o17",
        "0x1F",
        "1_000",
        "12:30:00",
        "2026-12-05",
        ".inf",
        "true",
        "yes",
        "\"\\x00\"",
        "\"\\U0010FFFF\"",
        "!!str",
        "!custom x",
        "&a [*a]",
        "*undefined"
    };

    private Mutator() {}

    /** One to three mutations of {@code text}. */
    public static String mutate(String text, Random rnd) {
        String s = text;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            s = once(s, rnd);
        }
        return s;
    }

    /** As {@link #mutate(String, Random)}, on bytes (binary garbage can then be invalid UTF-8). */
    public static byte[] mutate(byte[] data, Random rnd) {
        if (rnd.nextInt(8) == 0) {
            byte[] b = data.length == 0 ? new byte[1] : data.clone();
            for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            return b;
        }
        return mutate(new String(data, StandardCharsets.UTF_8), rnd)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String once(String s, Random rnd) {
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        int line = rnd.nextInt(lines.size());
        switch (rnd.nextInt(14)) {
            case 0:
                return s.substring(0, rnd.nextInt(s.length() + 1));
            case 1:
                lines.remove(line);
                return lines.isEmpty() ? "" : String.join("\n", lines);
            case 2:
                lines.add(line, lines.get(line));
                return String.join("\n", lines);
            case 3:
                {
                    int other = rnd.nextInt(lines.size());
                    String a = lines.get(line);
                    lines.set(line, lines.get(other));
                    lines.set(other, a);
                    return String.join("\n", lines);
                }
            case 4:
                {
                    String l = lines.get(line);
                    lines.set(
                            line,
                            rnd.nextBoolean()
                                    ? " ".repeat(1 + rnd.nextInt(4)) + l
                                    : l.replaceFirst("^ {1,2}", ""));
                    return String.join("\n", lines);
                }
            case 5:
                {
                    int at = rnd.nextInt(s.length() + 1);
                    return s.substring(0, at) + JUNK[rnd.nextInt(JUNK.length)] + s.substring(at);
                }
            case 6:
                return aliasBomb(rnd.nextInt(3)) + s;
            case 7:
                {
                    int depth = 40 + rnd.nextInt(rnd.nextBoolean() ? 30 : 3000);
                    return s
                            + "\nx: "
                            + "[".repeat(depth)
                            + "]".repeat(rnd.nextInt(2) * depth)
                            + "\n";
                }
            case 8:
                {
                    StringBuilder b = new StringBuilder(s).append("\nz:\n");
                    int depth = 40 + rnd.nextInt(80);
                    for (int d = 1; d <= depth; d++) {
                        b.append("  ".repeat(d)).append("- k").append(d).append(":\n");
                    }
                    return b.toString();
                }
            case 9:
            case 10:
                {
                    // a value replaced: after a key's colon, or a list item's dash, or a JSON
                    // member's colon
                    String l = lines.get(line);
                    int colon = l.indexOf(": ");
                    int dash = l.indexOf("- ");
                    int at = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : l.length();
                    lines.set(line, l.substring(0, at) + VALUES[rnd.nextInt(VALUES.length)]);
                    return String.join("\n", lines);
                }
            case 11:
                return s
                        + (s.endsWith("\n") ? "" : "\n")
                        + "big: \""
                        + "a".repeat(50_000 + rnd.nextInt(100_000))
                        + "\"\n";
            case 12:
                {
                    // a JSON-ish or text-ish value replaced in place, for formats that are not YAML
                    int at = rnd.nextInt(s.length() + 1);
                    int end = Math.min(s.length(), at + rnd.nextInt(12));
                    return s.substring(0, at)
                            + VALUES[rnd.nextInt(VALUES.length)]
                            + s.substring(end);
                }
            default:
                {
                    StringBuilder b = new StringBuilder(s);
                    for (int k = 0; k < 1 + rnd.nextInt(4) && b.length() > 0; k++) {
                        b.setCharAt(
                                rnd.nextInt(b.length()),
                                (char) rnd.nextInt(rnd.nextBoolean() ? 0x20 : 0x110));
                    }
                    return b.toString();
                }
        }
    }

    private static String aliasBomb(int form) {
        if (form == 0) {
            return "&r [*r]\n";
        }
        StringBuilder b = new StringBuilder("a0: &a0 [l, l, l, l, l, l, l, l, l]\n");
        int levels = form == 1 ? 9 : 4;
        for (int i = 1; i < levels; i++) {
            b.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*a" + (i - 1))))
                    .append("]\n");
        }
        return b.toString();
    }
}
