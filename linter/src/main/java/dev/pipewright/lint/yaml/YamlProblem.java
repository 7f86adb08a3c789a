package dev.pipewright.lint.yaml;

/** A problem found while reading YAML: bad syntax, a duplicate key, an alias bomb. */
public record YamlProblem(Pos pos, String message) {}
