package dev.pipewright.emit;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A YAML scalar: a String, Boolean, Long/Integer or BigDecimal, with an optional inline comment
 * written after it ({@code value # comment}).
 */
public record YamlScalar(Object value, String comment) implements YamlNode {
    public YamlScalar {
        Objects.requireNonNull(value, "value == null");
        if (!(value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Integer
                || value instanceof BigDecimal)) {
            throw new IllegalArgumentException(
                    "unsupported scalar type: " + value.getClass().getName());
        }
        if (comment != null) {
            YamlChars.requireCommentText(comment);
            // A comment after a literal block header would be legal YAML but easy to misread, and a
            // multi-line value is always written as a block (or a long quoted line); refuse it
            // early.
            if (value instanceof String s && s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a multi-line scalar cannot carry a comment");
            }
        }
    }

    public static YamlScalar of(String s) {
        return new YamlScalar(Objects.requireNonNull(s, "value == null"), null);
    }

    public static YamlScalar of(boolean b) {
        return new YamlScalar(b, null);
    }

    public static YamlScalar of(long n) {
        return new YamlScalar(n, null);
    }

    public static YamlScalar of(BigDecimal d) {
        return new YamlScalar(Objects.requireNonNull(d, "value == null"), null);
    }

    /** A string scalar followed by {@code # comment}, e.g. a pinned action's version tag. */
    public static YamlScalar withComment(String value, String comment) {
        return new YamlScalar(Objects.requireNonNull(value, "value == null"), comment);
    }

    @Override
    public <R> R accept(YamlNode.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
