package dev.pipewright.lint.yaml;

import java.util.regex.Pattern;

/** Resolves plain scalars with YAML 1.2's core schema, as GitHub's parser does. */
final class CoreSchema {
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT =
            Pattern.compile(
                    "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private CoreSchema() {}

    static YScalar.Type resolve(String plain) {
        switch (plain) {
            case "~", "null", "Null", "NULL", "" -> {
                return YScalar.Type.NULL;
            }
            case "true", "True", "TRUE", "false", "False", "FALSE" -> {
                return YScalar.Type.BOOL;
            }
            default -> {}
        }
        // Numbers start with a sign, a digit or a dot; every other scalar is a string without
        // running the patterns.
        char c = plain.charAt(0);
        if (c != '-' && c != '+' && c != '.' && (c < '0' || c > '9')) {
            return YScalar.Type.STRING;
        }
        if (INT.matcher(plain).matches()) {
            return YScalar.Type.INT;
        }
        if (FLOAT.matcher(plain).matches()) {
            return YScalar.Type.FLOAT;
        }
        return YScalar.Type.STRING;
    }
}
