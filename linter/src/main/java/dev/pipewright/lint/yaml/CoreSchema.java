package dev.pipewright.lint.yaml;

import java.util.regex.Pattern;

/** Resolves plain scalars with YAML 1.2's core schema, as GitHub's parser does. */
final class CoreSchema {
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private CoreSchema() {}

    static YScalar.Type resolve(String plain) {
        if (NULL.matcher(plain).matches()) {
            return YScalar.Type.NULL;
        }
        if (BOOL.matcher(plain).matches()) {
            return YScalar.Type.BOOL;
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
