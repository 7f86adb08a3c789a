package dev.pipewright.emit;

/** A node of a YAML document tree: a mapping, a sequence, a scalar or null. */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar, YamlNull {

    /** Calls the visitor's method for this kind of node. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of node, so a new kind does not compile until the writer handles it. */
    interface Visitor<R> {
        R visit(YamlMap map);

        R visit(YamlSeq seq);

        R visit(YamlScalar scalar);

        R visit(YamlNull nothing);
    }
}
