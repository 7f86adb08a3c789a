package dev.pipewright.cli.lsp;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.Severity;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The linter's findings as LSP diagnostics: zero-based positions, the rule as the code,
 * "pipewright" as the source.
 */
final class Diagnostics {
    static final String SOURCE = "pipewright";

    private Diagnostics() {}

    static List<Diagnostic> of(List<Finding> findings, String text) {
        List<String> lines = text.lines().toList();
        return findings.stream().map(f -> of(f, lines)).toList();
    }

    /**
     * A finding names one column; editors underline a range, so it runs to the end of the word
     * there (a key, a value, an expression's first token), or one character where the column points
     * at a separator or past the end.
     */
    private static Diagnostic of(Finding f, List<String> lines) {
        int line = Math.max(0, f.line() - 1);
        int start = Math.max(0, f.column() - 1);
        String text = line < lines.size() ? lines.get(line) : "";
        int end = start;
        while (end < text.length()
                && !Character.isWhitespace(text.charAt(end))
                && text.charAt(end) != ':') {
            end++;
        }
        if (end == start) {
            end = start + 1;
        }
        Diagnostic d =
                new Diagnostic(
                        new Range(new Position(line, start), new Position(line, end)),
                        f.message(),
                        severity(f.severity()),
                        SOURCE,
                        f.rule());
        return d;
    }

    private static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        };
    }
}
