package dev.pipewright.lint.yaml;

/**
 * A scalar with its YAML 1.2 core-schema type; GitHub's parser reads YAML 1.2, so {@code on} and
 * {@code yes} are strings here even though SnakeYAML (YAML 1.1) would call them booleans.
 *
 * @param value the scalar text after unquoting and folding
 * @param type the resolved type
 * @param style how it was written; expressions inside block scalars need line-based positions
 * @param pos where the scalar starts (the opening quote or indicator included)
 * @param end where the scalar ends (exclusive), to find expressions inside multi-line scalars
 */
public record YScalar(String value, Type type, Style style, Pos pos, Pos end) implements YNode {
    /** The YAML 1.2 core-schema type of a scalar. */
    public enum Type {
        STRING,
        NULL,
        BOOL,
        INT,
        FLOAT
    }

    /** The scalar's presentation style. */
    public enum Style {
        PLAIN,
        SINGLE_QUOTED,
        DOUBLE_QUOTED,
        LITERAL,
        FOLDED
    }

    /** A synthetic string scalar, for tests and defaults. */
    public static YScalar of(String value, Pos pos) {
        return new YScalar(value, Type.STRING, Style.PLAIN, pos, pos.plusCols(value.length()));
    }

    public boolean isString() {
        return type == Type.STRING;
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    public boolean isBlock() {
        return style == Style.LITERAL || style == Style.FOLDED;
    }

    /** True when the value contains a {@code ${{ }}} expression. */
    public boolean hasExpression() {
        return type == Type.STRING && value.contains("${{");
    }

    @Override
    public String kindName() {
        return switch (type) {
            case STRING -> "string";
            case NULL -> "null";
            case BOOL -> "boolean";
            case INT, FLOAT -> "number";
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
