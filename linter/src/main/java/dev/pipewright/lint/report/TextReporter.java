package dev.pipewright.lint.report;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.RuleInfo;
import dev.pipewright.lint.Severity;
import java.util.List;

/**
 * actionlint's format with the severity in front of the message, as compilers write it:
 * {@code file:line:col: error: message [rule]}, then the source line and a caret. The first line stays one line per
 * finding, parseable by the {@code file:line:col: message} patterns editors and problem matchers use.
 */
public final class TextReporter implements Reporter {
    @Override
    public String render(List<Finding> findings, List<RuleInfo> rules, SourceLines sources) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(line(f)).append('\n');
            String src = sources.line(f.file(), f.line());
            if (!src.isEmpty()) {
                sb.append(src.replace('\t', ' ')).append('\n');
                sb.append(" ".repeat(Math.max(0, Math.min(f.column() - 1, src.length())))).append("^\n");
            }
        }
        return sb.toString();
    }

    /** One finding's first line: {@code file:line:col: severity: message [rule]}. */
    public static String line(Finding f) {
        return f.file() + ":" + f.line() + ":" + f.column() + ": " + f.severity().label() + ": " + f.message()
                + " [" + f.rule() + "]";
    }

    /**
     * zizmor's closing line, counted by severity: {@code 3 findings: 1 error, 2 warnings, 0 notes}, or
     * {@code no findings}.
     */
    public static String summary(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "no findings";
        }
        StringBuilder sb = new StringBuilder(count(findings.size(), "finding")).append(':');
        String sep = " ";
        for (Severity s : Severity.values()) {
            long n = findings.stream().filter(f -> f.severity() == s).count();
            sb.append(sep).append(count(n, s.label()));
            sep = ", ";
        }
        return sb.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
