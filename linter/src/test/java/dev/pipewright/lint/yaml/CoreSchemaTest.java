package dev.pipewright.lint.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipewright.github.RandomText;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The resolver's short cuts give the types YAML 1.2's core schema patterns give, on edge cases and
 * random text.
 */
class CoreSchemaTest {
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT =
            Pattern.compile(
                    "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    /** The core schema's definition, pattern by pattern in its order. */
    private static YScalar.Type byPatterns(String s) {
        if (NULL.matcher(s).matches()) {
            return YScalar.Type.NULL;
        }
        if (BOOL.matcher(s).matches()) {
            return YScalar.Type.BOOL;
        }
        if (INT.matcher(s).matches()) {
            return YScalar.Type.INT;
        }
        return FLOAT.matcher(s).matches() ? YScalar.Type.FLOAT : YScalar.Type.STRING;
    }

    @Test
    void edgeCasesResolveAsThePatternsDo() {
        for (String s :
                List.of(
                        "",
                        "~",
                        "null",
                        "NULL",
                        "nUll",
                        "true",
                        "tRue",
                        "False",
                        "0",
                        "-0",
                        "+12",
                        "0o17",
                        "0o8",
                        "0x1F",
                        "0xg",
                        ".5",
                        "5.",
                        "1e3",
                        "1E-3",
                        "-.inf",
                        ".NaN",
                        "-.nan",
                        ".",
                        "-",
                        "+",
                        "e3",
                        "1_000",
                        "0b1",
                        "ubuntu-latest",
                        "3.10",
                        "v1",
                        "~/x",
                        "null ",
                        " true")) {
            assertEquals(byPatterns(s), CoreSchema.resolve(s), s);
        }
    }

    @Test
    void randomScalarsResolveAsThePatternsDo() {
        RandomText.forEach(
                42,
                "0123456789+-.eExXoOabfinNtTrulsSAF~_ ",
                7,
                200_000,
                s -> assertEquals(byPatterns(s), CoreSchema.resolve(s), s));
    }
}
