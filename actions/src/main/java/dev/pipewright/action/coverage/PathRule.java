package dev.pipewright.action.coverage;

import dev.pipewright.action.InputException;
import dev.pipewright.action.InputsSupport;
import java.math.BigDecimal;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * A per-path minimum such as {@code internal/timecalc/**: 95}, matched against repository paths.
 */
public record PathRule(String glob, BigDecimal min) {
    /** Parses one rule per line; {@code #} starts a comment line. */
    public static List<PathRule> parse(String input, List<String> lines) {
        List<PathRule> rules = new ArrayList<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            if (colon <= 0) {
                throw InputException.forInput(
                        input, "line " + n + ": expected '<glob>: <percent>', got '" + line + "'");
            }
            String glob = unquote(line.substring(0, colon).trim());
            String percent = line.substring(colon + 1).trim();
            BigDecimal min;
            try {
                min = InputsSupport.decimal(input, percent);
            } catch (InputException e) {
                // Same reason, but said of this rule: "input 'rules': line 1 'm/**': expected a
                // number, got 'abc'".
                String reason = e.getMessage().substring(("input '" + input + "': ").length());
                throw InputException.forInput(input, "line " + n + " '" + glob + "': " + reason);
            }
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (PatternSyntaxException e) {
                throw InputException.forInput(
                        input, "line " + n + ": bad glob '" + glob + "': " + e.getDescription());
            }
            rules.add(new PathRule(glob, min));
        }
        return rules;
    }

    public boolean matches(String path) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return m.matches(Path.of(path));
    }

    /** Weighted coverage of the files this rule matches. */
    public Counter measure(CoverageData data) {
        Counter c = Counter.ZERO;
        for (FileCoverage f : data.files()) {
            if (matches(f.path())) {
                c = c.plus(f.primary());
            }
        }
        return c;
    }

    private static String unquote(String s) {
        if (s.length() > 1
                && (s.startsWith("\"") && s.endsWith("\"")
                        || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
