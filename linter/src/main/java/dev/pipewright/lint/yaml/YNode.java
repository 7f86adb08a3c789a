package dev.pipewright.lint.yaml;

/** A YAML node that remembers where it starts in the source. */
public sealed interface YNode permits YScalar, YMap, YSeq {
    Pos pos();

    /** A short name of the node's kind for messages ("mapping", "sequence", "string"...). */
    String kindName();
}
