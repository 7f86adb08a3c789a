package dev.pipewright.lint;

import dev.pipewright.lint.schema.SchemaChecker;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YamlFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Everything rules may read about the file being linted, and where they report. */
public final class LintContext {
    /** An action metadata file ({@code action.yml}). */
    public record ActionFile(YMap root) {}

    private final String file;
    private final Path projectRoot;
    private final Path path;
    private final String[] lines;
    private final YamlFile yaml;
    private final SchemaChecker.Result schema;
    private final LintConfig config;
    private final List<Finding> findings = new ArrayList<>();

    LintContext(String file, Path projectRoot, Path path, String source, YamlFile yaml, SchemaChecker.Result schema, LintConfig config) {
        this.file = file;
        this.projectRoot = projectRoot;
        this.path = path;
        this.lines = source.split("\r?\n", -1);
        this.yaml = yaml;
        this.schema = schema;
        this.config = config;
    }

    /** The file as shown in findings. */
    public String file() {
        return file;
    }

    /** The repository containing the file (for local actions and reusable workflows); null when unknown. */
    public Path projectRoot() {
        return projectRoot;
    }

    /** The linted file on disk, to find files next to it; null when the text did not come from a file. */
    public Path path() {
        return path;
    }

    public YamlFile yaml() {
        return yaml;
    }

    /** Schema facts: allowed contexts per node; null when the file could not be read. */
    public SchemaChecker.Result schema() {
        return schema;
    }

    public LintConfig config() {
        return config;
    }

    /** The 1-based source line, or "" past the end. */
    public String line(int n) {
        return n >= 1 && n <= lines.length ? lines[n - 1] : "";
    }

    void report(RuleInfo rule, Pos pos, String message, Severity severity) {
        findings.add(new Finding(file, pos.line(), pos.col(), rule.id(), severity, message));
    }

    List<Finding> findings() {
        return findings;
    }
}
