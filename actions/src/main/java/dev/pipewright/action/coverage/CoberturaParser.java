package dev.pipewright.action.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Cobertura XML (coverage.py, gcovr, Istanbul, …): class-level {@code <line>} elements
 * (method-level copies are skipped, they would double count); {@code condition-coverage="50%
 * (1/2)"} gives the branches.
 */
final class CoberturaParser {
    private static final Pattern CONDITIONS = Pattern.compile("\\((\\d+)/(\\d+)\\)");

    private CoberturaParser() {}

    static void parse(Path file, String display, CoverageData into, UnaryOperator<String> paths)
            throws IOException {
        List<String> sources = new ArrayList<>();
        FileCoverage[] current = {null};
        int[] methodDepth = {0};
        boolean[] sawRoot = {false};
        SafeXml.parse(
                file,
                display,
                new SafeXml.Handler() {
                    @Override
                    public void start(XMLStreamReader r, String element) throws XMLStreamException {
                        switch (element) {
                            case "coverage" -> sawRoot[0] = true;
                            case "source" -> sources.add(r.getElementText().trim());
                            case "class" -> {
                                String name = SafeXml.attr(r, "filename");
                                if (name == null) {
                                    throw new ReportParseException(
                                            display,
                                            r.getLocation().getLineNumber(),
                                            "<class> without filename");
                                }
                                current[0] =
                                        into.file(
                                                paths.apply(
                                                        resolve(sources, name.replace('\\', '/'))));
                            }
                            case "method" -> methodDepth[0]++;
                            case "file", "lineToCover" -> {
                                // Cobertura has neither; with format: cobertura forced, SonarQube's
                                // generic XML lands here.
                                throw CoverageFormat.sonarGeneric(
                                        display, r.getLocation().getLineNumber());
                            }
                            case "line" -> {
                                if (current[0] == null || methodDepth[0] > 0) {
                                    return;
                                }
                                int line = SafeXml.lineNumber(r, display, "line", "number");
                                current[0].line(line, SafeXml.num(r, display, "hits", 0));
                                String cond = SafeXml.attr(r, "condition-coverage");
                                if ("true".equals(SafeXml.attr(r, "branch")) && cond != null) {
                                    Matcher m = CONDITIONS.matcher(cond);
                                    if (!m.find()) {
                                        throw new ReportParseException(
                                                display,
                                                r.getLocation().getLineNumber(),
                                                "condition-coverage=\""
                                                        + cond
                                                        + "\" lacks '(covered/total)'");
                                    }
                                    long covered = count(m.group(1));
                                    long total =
                                            SafeXml.branches(r, display, "line", count(m.group(2)));
                                    for (long i = 0; i < total; i++) {
                                        current[0].branch(line, i, i < covered ? 1 : 0);
                                    }
                                }
                            }
                            default -> {
                                if (!sawRoot[0]) {
                                    throw new ReportParseException(
                                            display,
                                            r.getLocation().getLineNumber(),
                                            "root element <"
                                                    + element
                                                    + "> is not a Cobertura <coverage>");
                                }
                            }
                        }
                    }

                    @Override
                    public void end(String element) {
                        if (element.equals("method")) {
                            methodDepth[0]--;
                        } else if (element.equals("class")) {
                            current[0] = null;
                        }
                    }
                });
    }

    /**
     * Digits as a count; past a long's range, Long.MAX_VALUE (which the branch bound then refuses).
     */
    private static long count(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /**
     * A relative filename is relative to a {@code <source>}; callers map absolute results into the
     * workspace.
     */
    private static String resolve(List<String> sources, String filename) {
        if (filename.startsWith("/") || sources.isEmpty()) {
            return filename;
        }
        for (String s : sources) {
            if (s.startsWith("/") && Files.exists(Path.of(s, filename))) {
                return Path.of(s, filename).toString().replace('\\', '/');
            }
        }
        return filename;
    }
}
