package dev.pipewright.emit;

/** A node of a YAML document tree: a mapping, a sequence, a scalar or null. */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar, YamlNull {}
