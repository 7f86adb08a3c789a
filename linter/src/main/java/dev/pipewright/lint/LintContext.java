package dev.pipewright.lint;

import dev.pipewright.github.yaml.LineOffsets;
import dev.pipewright.lint.schema.SchemaChecker;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YamlFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Everything rules may read about the file being linted, and where they report. */
public final class LintContext {
    /** An action metadata file ({@code action.yml}). */
    public record ActionFile(YMap root) {}

    private final String file;
    private final Linter.Kind kind;
    private final Path projectRoot;
    private final Path path;
    private final String source;

    /**
     * Offsets where lines start, computed on the first {@link #line} call: most files have no
     * finding to show.
     */
    private int[] starts;

    private LineOffsets offsets;
    private final YamlFile yaml;
    private final SchemaChecker.Result schema;
    private final LintConfig config;
    private final OtherFiles otherFiles;
    private final List<Finding> findings = new ArrayList<>();

    LintContext(
            String file,
            Linter.Kind kind,
            Path projectRoot,
            Path path,
            String source,
            YamlFile yaml,
            SchemaChecker.Result schema,
            LintConfig config,
            OtherFiles otherFiles) {
        this.file = file;
        this.kind = kind;
        this.projectRoot = projectRoot;
        this.path = path;
        this.source = source;
        this.yaml = yaml;
        this.schema = schema;
        this.config = config;
        this.otherFiles = otherFiles;
    }

    /** The file as shown in findings. */
    public String file() {
        return file;
    }

    /** What the file is: rules for dependabot and pre-commit files look at those files only. */
    public Linter.Kind kind() {
        return kind;
    }

    /**
     * The repository containing the file (for local actions and reusable workflows); null when
     * unknown.
     */
    public Path projectRoot() {
        return projectRoot;
    }

    /**
     * The linted file on disk, to find files next to it; null when the text did not come from a
     * file.
     */
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

    /** The files this one refers to, shared by every file of the run. */
    public OtherFiles otherFiles() {
        return otherFiles;
    }

    /** The 1-based source line, or "" past the end. */
    public String line(int n) {
        if (starts == null) {
            starts = lineStarts(source);
        }
        if (n < 1 || n > starts.length) {
            return "";
        }
        int from = starts[n - 1];
        int to = n < starts.length ? starts[n] - 1 : source.length();
        // A line ends before "\n" or "\r\n"; a lone "\r" is part of the line, as GitHub's parser
        // reads it.
        if (n < starts.length && to > from && source.charAt(to - 1) == '\r') {
            to--;
        }
        return source.substring(from, to);
    }

    private static int[] lineStarts(String s) {
        int[] out = new int[64];
        int k = 1;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            if (k == out.length) {
                out = Arrays.copyOf(out, k * 2);
            }
            out[k++] = i + 1;
        }
        return Arrays.copyOf(out, k);
    }

    /** The file's whole text, as the positions count it. */
    public String source() {
        return source;
    }

    /** Offsets of the file's lines, for the edits of a {@link Fix}. */
    public LineOffsets offsets() {
        if (offsets == null) {
            offsets = new LineOffsets(source);
        }
        return offsets;
    }

    void report(RuleInfo rule, Pos pos, String message, Severity severity, Fix fix) {
        findings.add(new Finding(file, pos.line(), pos.col(), rule.id(), severity, message, fix));
    }

    List<Finding> findings() {
        return findings;
    }
}
