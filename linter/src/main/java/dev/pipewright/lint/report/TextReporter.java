package dev.pipewright.lint.report;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.RuleInfo;
import java.util.List;

/** actionlint's format: {@code file:line:col: message [rule]}, then the source line and a caret. */
public final class TextReporter implements Reporter {
    @Override
    public String render(List<Finding> findings, List<RuleInfo> rules, SourceLines sources) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(f.format()).append('\n');
            String src = sources.line(f.file(), f.line());
            if (!src.isEmpty()) {
                sb.append(src.replace('\t', ' ')).append('\n');
                sb.append(" ".repeat(Math.max(0, Math.min(f.column() - 1, src.length())))).append("^\n");
            }
        }
        return sb.toString();
    }
}
