package dev.pipewright.lint.report;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.RuleInfo;
import dev.pipewright.lint.Severity;
import java.util.List;

/**
 * actionlint's format with the severity in front of the message, as compilers write it: {@code
 * file:line:col: error: message [rule]}, then the source line and a caret. The first line stays one
 * line per finding, parseable by the {@code file:line:col: message} patterns editors and problem
 * matchers use.
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private final boolean colour;

    /** Plain text, for files, pipes and tests. */
    public TextReporter() {
        this(false);
    }

    /**
     * With {@code colour}, the severity and caret in ANSI colours and the rule id dimmed, for a
     * terminal.
     */
    public TextReporter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public String render(List<Finding> findings, List<RuleInfo> rules, SourceLines sources) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(colour ? colouredLine(f) : line(f)).append('\n');
            String src = sources.line(f.file(), f.line());
            if (!src.isEmpty()) {
                sb.append(src.replace('\t', ' ')).append('\n');
                sb.append(" ".repeat(Math.max(0, Math.min(f.column() - 1, src.length()))));
                sb.append(colour ? ansi(f.severity()) + "^" + RESET : "^").append('\n');
            }
        }
        return sb.toString();
    }

    private static String colouredLine(Finding f) {
        return "\u001b[1m"
                + f.file()
                + ":"
                + f.line()
                + ":"
                + f.column()
                + ":"
                + RESET
                + " "
                + ansi(f.severity())
                + f.severity().label()
                + ":"
                + RESET
                + " "
                + f.message()
                + " \u001b[2m["
                + f.rule()
                + "]"
                + RESET;
    }

    /** Bold red, yellow and cyan, as compilers colour errors, warnings and notes. */
    private static String ansi(Severity s) {
        return switch (s) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            case NOTE -> "\u001b[1;36m";
        };
    }

    /** One finding's first line: {@code file:line:col: severity: message [rule]}. */
    public static String line(Finding f) {
        return f.file()
                + ":"
                + f.line()
                + ":"
                + f.column()
                + ": "
                + f.severity().label()
                + ": "
                + f.message()
                + " ["
                + f.rule()
                + "]";
    }

    /**
     * zizmor's closing line, counted by severity: {@code 3 findings: 1 error, 2 warnings, 0 notes},
     * or {@code no findings}.
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
