package dev.pipewright.lint.yaml;

import java.util.List;

/**
 * The documents of one YAML file and the problems met while reading it.
 *
 * @param documents every complete document, in order (empty for an empty file)
 * @param problems syntax errors, duplicate keys and limits hit, in source order
 * @param fatal true when reading stopped early, so the documents may be incomplete
 */
public record YamlFile(List<YNode> documents, List<YamlProblem> problems, boolean fatal) {
    public YamlFile {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    /** The first document, the only one GitHub reads; null when the file has none. */
    public YNode root() {
        return documents.isEmpty() ? null : documents.get(0);
    }
}
