package dev.pipewright.lint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.lint.Finding;
import dev.pipewright.lint.RuleInfo;
import java.io.UncheckedIOException;
import java.util.List;

/** A JSON array of {@code {file, line, column, rule, severity, message}}. */
public final class JsonReporter implements Reporter {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(List<Finding> findings, List<RuleInfo> rules, SourceLines sources) {
        ArrayNode arr = JSON.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = arr.addObject();
            o.put("file", f.file());
            o.put("line", f.line());
            o.put("column", f.column());
            o.put("rule", f.rule());
            o.put("severity", f.severity().label());
            o.put("message", f.message());
        }
        return write(arr);
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
