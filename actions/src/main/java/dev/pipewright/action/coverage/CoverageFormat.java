package dev.pipewright.action.coverage;

import dev.pipewright.action.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** The report formats coverage-gate reads, with detection from the first bytes of a file. */
public enum CoverageFormat {
    AUTO("auto"),
    GO("go"),
    JACOCO("jacoco"),
    COBERTURA("cobertura"),
    LCOV("lcov"),
    COVERAGE_JSON("coverage-json");

    private static final Pattern XML_ROOT = Pattern.compile("<(report|coverage)[\\s>/]");

    /**
     * SonarQube's generic coverage: a {@code <coverage version="1">} root whose children are {@code
     * <file path>}.
     */
    private static final Pattern SONAR_GENERIC =
            Pattern.compile(
                    "<coverage\\s+version\\s*=\\s*[\"']1[\"'][^>]*>\\s*(?:<!--.*?-->\\s*)*<file\\s",
                    Pattern.DOTALL);

    private final String id;

    CoverageFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CoverageFormat parse(String input, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.id.equals(v))
                .findFirst()
                .orElseThrow(
                        () ->
                                InputException.forInput(
                                        input,
                                        "unknown format '"
                                                + value
                                                + "' (expected auto, go, jacoco, cobertura, lcov or coverage-json)"));
    }

    /**
     * The error for SonarQube's generic coverage XML, read by no parser here (line: where it was
     * recognised).
     */
    static ReportParseException sonarGeneric(String display, int line) {
        return new ReportParseException(
                display,
                line,
                "this is SonarQube's generic test coverage XML "
                        + "(<coverage version=\"1\"><file path=…><lineToCover …>), which coverage-gate does not read; "
                        + "give it the report your coverage tool wrote (Cobertura, JaCoCo, LCOV, coverage.py JSON or a Go coverprofile)");
    }

    /** Detects the format from the first 8 KiB; unknown or empty content is bad input. */
    public static CoverageFormat detect(Path file, String display) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        String s = new String(head, StandardCharsets.ISO_8859_1);
        if (s.startsWith("\u00ef\u00bb\u00bf")) {
            s = s.substring(3);
        }
        String t = s.stripLeading();
        if (t.isEmpty()) {
            throw new ReportParseException(display, 1, "empty file (no coverage data)");
        }
        if (t.startsWith("mode:")) {
            return GO;
        }
        if (t.startsWith("<")) {
            var m = XML_ROOT.matcher(t);
            if (t.contains("-//JACOCO//DTD") || (m.find() && m.group(1).equals("report"))) {
                return JACOCO;
            }
            if (m.find(0) && m.group(1).equals("coverage")) {
                var sonar = SONAR_GENERIC.matcher(s);
                if (sonar.find()) {
                    throw sonarGeneric(
                            display,
                            1
                                    + (int)
                                            s.substring(0, sonar.start())
                                                    .chars()
                                                    .filter(c -> c == '\n')
                                                    .count());
                }
                return COBERTURA;
            }
        }
        if (t.startsWith("{")) {
            return COVERAGE_JSON;
        }
        if (t.startsWith("TN:") || t.startsWith("SF:")) {
            return LCOV;
        }
        throw new ReportParseException(
                display,
                1,
                "unknown coverage format (expected a Go coverprofile, JaCoCo XML, "
                        + "Cobertura XML, LCOV or coverage.py JSON); set 'format' if detection is wrong");
    }
}
