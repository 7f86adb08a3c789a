package dev.pipewright.lint.report;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes findings in one output format. */
public interface Reporter {
    String render(List<Finding> findings, List<RuleInfo> rules, SourceLines sources);

    /**
     * Reads source lines of reported files, for the caret display; missing files give empty lines.
     */
    interface SourceLines {
        String line(String file, int line);

        static SourceLines from(Path base) {
            Map<String, List<String>> cache = new ConcurrentHashMap<>();
            return (file, line) -> {
                List<String> lines =
                        cache.computeIfAbsent(
                                file,
                                f -> {
                                    try {
                                        return Files.readAllLines(
                                                base.resolve(f), StandardCharsets.UTF_8);
                                    } catch (IOException | RuntimeException e) {
                                        return List.of();
                                    }
                                });
                return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
            };
        }
    }
}
