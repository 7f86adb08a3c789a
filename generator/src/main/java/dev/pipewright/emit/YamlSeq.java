package dev.pipewright.emit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** An immutable YAML sequence. */
public record YamlSeq(List<YamlNode> items) implements YamlNode {
    public YamlSeq {
        Objects.requireNonNull(items, "items == null");
        items = List.copyOf(items); // defensive copy; also rejects null items
    }

    public static YamlSeq of(YamlNode... items) {
        return new YamlSeq(Arrays.asList(items));
    }

    /** A sequence of string scalars. */
    public static YamlSeq ofStrings(List<String> strings) {
        Objects.requireNonNull(strings, "strings == null");
        return new YamlSeq(strings.stream().map(s -> (YamlNode) YamlScalar.of(s)).toList());
    }

    @Override
    public <R> R accept(YamlNode.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
