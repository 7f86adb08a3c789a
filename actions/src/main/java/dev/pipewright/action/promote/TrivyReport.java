package dev.pipewright.action.promote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.InputException;
import dev.pipewright.action.JsonErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The vulnerabilities of a Trivy JSON report (SchemaVersion 2), one {@link Finding} per target and
 * package.
 */
final class TrivyReport {
    enum Severity {
        UNKNOWN,
        LOW,
        MEDIUM,
        HIGH,
        CRITICAL;

        static Severity parse(String what, String raw) {
            try {
                return valueOf(raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException(
                        what
                                + ": unknown severity '"
                                + raw
                                + "' (UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)");
            }
        }
    }

    /**
     * @param status Trivy's status ({@code fixed}, {@code affected}, …); derived from the fixed
     *     version when absent
     * @param purl the package URL, empty when the report has none
     */
    record Finding(
            String report,
            String target,
            String id,
            String pkg,
            String installed,
            String fixed,
            String status,
            Severity severity,
            String purl) {}

    private TrivyReport() {}

    static List<Finding> parse(String file, String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InputException(
                    JsonErrors.malformed(file, e) + " (expected a Trivy JSON report)");
        }
        if (root == null || !root.isObject() || !root.has("SchemaVersion")) {
            throw new InputException(
                    file
                            + ":1: not a Trivy JSON report (no SchemaVersion; run trivy with --format json)");
        }
        if (root.path("SchemaVersion").asInt() != 2) {
            throw new InputException(
                    file
                            + ":1: Trivy report SchemaVersion "
                            + root.path("SchemaVersion").asText()
                            + " is not supported (2)");
        }
        List<Finding> out = new ArrayList<>();
        for (JsonNode result : root.path("Results")) {
            String target = result.path("Target").asText("");
            for (JsonNode v : result.path("Vulnerabilities")) {
                String fixed = v.path("FixedVersion").asText("");
                String status = v.path("Status").asText(fixed.isEmpty() ? "affected" : "fixed");
                String severity = v.path("Severity").asText("UNKNOWN");
                Severity sev;
                try {
                    sev = Severity.valueOf(severity.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    sev = Severity.UNKNOWN;
                }
                out.add(
                        new Finding(
                                file,
                                target,
                                v.path("VulnerabilityID").asText(),
                                v.path("PkgName").asText(""),
                                v.path("InstalledVersion").asText(""),
                                fixed,
                                status,
                                sev,
                                v.path("PkgIdentifier").path("PURL").asText("")));
            }
        }
        return out;
    }
}
