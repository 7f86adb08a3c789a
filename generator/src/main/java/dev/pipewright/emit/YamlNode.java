package dev.pipewright.emit;

/** A node of a YAML document tree: a mapping, a sequence or a scalar. */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {}
