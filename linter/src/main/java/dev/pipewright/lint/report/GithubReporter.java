package dev.pipewright.lint.report;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.RuleInfo;
import java.util.List;

/**
 * GitHub workflow commands ({@code ::error file=…,line=…,col=…::message}) so findings annotate the
 * PR.
 */
public final class GithubReporter implements Reporter {
    @Override
    public String render(List<Finding> findings, List<RuleInfo> rules, SourceLines sources) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            String cmd =
                    switch (f.severity()) {
                        case ERROR -> "error";
                        case WARNING -> "warning";
                        case NOTE -> "notice";
                    };
            sb.append("::")
                    .append(cmd)
                    .append(" file=")
                    .append(escapeProperty(f.file()))
                    .append(",line=")
                    .append(f.line())
                    .append(",col=")
                    .append(f.column())
                    .append(",title=")
                    .append(escapeProperty(f.rule()))
                    .append("::")
                    .append(escapeData(f.message() + " [" + f.rule() + "]"))
                    .append('\n');
        }
        return sb.toString();
    }

    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
