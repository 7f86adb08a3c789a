package dev.pipewright.action.coverage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.InputException;
import dev.pipewright.action.JsonErrors;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The base branch's coverage for {@code max-drop}: a bare number, this action's JSON report (e.g.
 * an artifact of the last main build), or any coverage report the gate reads.
 */
final class BaseCoverage {
    private BaseCoverage() {}

    /** True for a bare percentage such as {@code 60}, {@code 60.0} or {@code 60%}. */
    static boolean isNumber(String s) {
        return s.trim().matches("[0-9]+(\\.[0-9]+)?\\s*%?");
    }

    /** The percentage {@link #isNumber} accepted, scaled like a report's. */
    static BigDecimal number(String s) {
        String v = s.trim();
        v = v.endsWith("%") ? v.substring(0, v.length() - 1).trim() : v;
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN);
    }

    static BigDecimal read(Path file, String display, CoverageReader reader) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String start = new String(head, StandardCharsets.ISO_8859_1).trim();
        if (isNumber(start)) {
            return number(start);
        }
        if (start.startsWith("{")) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(file.toFile());
            } catch (JsonProcessingException e) {
                throw new InputException(JsonErrors.malformed(display, e));
            }
            if ("pipewright coverage-gate".equals(root.path("tool").asText())
                    && root.path("coverage").isNumber()) {
                return root.path("coverage").decimalValue().setScale(2, RoundingMode.HALF_EVEN);
            }
        }
        CoverageData base = new CoverageData();
        reader.readInto(base, file, CoverageFormat.AUTO);
        BigDecimal p = base.primary().percent(base.precision());
        if (p == null) {
            throw new ReportParseException(display, 1, "base report has nothing to cover");
        }
        return p;
    }
}
