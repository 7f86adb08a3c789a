package dev.pipewright.action.coverage;

import java.io.IOException;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamReader;

/**
 * JaCoCo XML: reads {@code <line nr mi ci mb cb>} of each {@code <sourcefile>}; a line counts as
 * covered when {@code ci > 0} and as executable when {@code mi + ci > 0}, which reproduces the
 * report-level LINE and BRANCH counters and lets several reports be merged line by line.
 */
final class JacocoParser {
    private JacocoParser() {}

    static void parse(Path file, String display, CoverageData into) throws IOException {
        String[] pkg = {""};
        FileCoverage[] current = {null};
        boolean[] sawReport = {false};
        SafeXml.parse(
                file,
                display,
                new SafeXml.Handler() {
                    @Override
                    public void start(XMLStreamReader r, String element) {
                        switch (element) {
                            case "report" -> sawReport[0] = true;
                            case "package" -> pkg[0] = nonNull(SafeXml.attr(r, "name"));
                            case "sourcefile" -> {
                                String name = nonNull(SafeXml.attr(r, "name"));
                                current[0] =
                                        into.file(pkg[0].isEmpty() ? name : pkg[0] + "/" + name);
                            }
                            case "line" -> {
                                if (current[0] == null) {
                                    return;
                                }
                                int line = SafeXml.lineNumber(r, display, "line", "nr");
                                long mi = SafeXml.num(r, display, "mi", 0);
                                long ci = SafeXml.num(r, display, "ci", 0);
                                long mb = SafeXml.num(r, display, "mb", 0);
                                long cb = SafeXml.num(r, display, "cb", 0);
                                SafeXml.branches(
                                        r,
                                        display,
                                        "line",
                                        SafeXml.branches(r, display, "line", mb)
                                                + SafeXml.branches(r, display, "line", cb));
                                if (mi + ci > 0) {
                                    current[0].line(line, ci);
                                }
                                // JaCoCo gives only counts; index ids make merged reports keep the
                                // larger count per line.
                                for (long i = 0; i < mb + cb; i++) {
                                    current[0].branch(line, i, i < cb ? 1 : 0);
                                }
                            }
                            default -> {
                                if (!sawReport[0]) {
                                    throw new ReportParseException(
                                            display,
                                            r.getLocation().getLineNumber(),
                                            "root element <"
                                                    + element
                                                    + "> is not a JaCoCo <report>");
                                }
                            }
                        }
                    }

                    @Override
                    public void end(String element) {
                        if (element.equals("sourcefile")) {
                            current[0] = null;
                        } else if (element.equals("package")) {
                            pkg[0] = "";
                        }
                    }
                });
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
