package dev.pipewright.lint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.rule.BuiltInRules;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SARIF of every error fixture, checked against the OASIS SARIF 2.1.0 schema (test resource, see
 * sarif/SOURCE.md) and against what GitHub code scanning reads: rule metadata, security severity
 * and precision of the audits, locations, fingerprints.
 */
class SarifReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<Finding> findings;
    private static JsonNode sarif;

    @BeforeAll
    static void lintFixtures() throws Exception {
        Path err = Path.of(SarifReporterTest.class.getResource("/lint/err").toURI());
        findings = new Linter(LintConfig.empty()).lintPaths(List.of(err), err);
        sarif =
                JSON.readTree(
                        new SarifReporter()
                                .render(
                                        findings,
                                        BuiltInRules.all(),
                                        Reporter.SourceLines.from(err)));
    }

    @Test
    void validatesAgainstTheSarifSchema() throws Exception {
        try (InputStream in =
                SarifReporterTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            JsonSchema schema =
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                            .getSchema(JSON.readTree(in));
            assertThat(schema.validate(sarif)).isEmpty();
            // the schema bites: a result without a message is rejected
            JsonNode broken = sarif.deepCopy();
            ((ObjectNode) broken.at("/runs/0/results/0")).remove("message");
            assertThat(schema.validate(broken)).isNotEmpty();
        }
        assertThat(sarif.at("/runs/0/results")).hasSize(findings.size());
        assertThat(findings.size()).isGreaterThan(100);
    }

    @Test
    void everyResultNamesADeclaredRuleAndHasAFingerprintOfItsOwn() {
        Set<String> rules = new HashSet<>();
        sarif.at("/runs/0/tool/driver/rules").forEach(r -> rules.add(r.get("id").asText()));
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode r : sarif.at("/runs/0/results")) {
            assertThat(rules).contains(r.get("ruleId").asText());
            assertThat(r.get("level").asText()).isIn("error", "warning", "note");
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
            fingerprints.add(r.at("/partialFingerprints/primaryLocationLineHash~1v1").asText());
        }
        assertThat(fingerprints).hasSize(sarif.at("/runs/0/results").size());
    }

    @Test
    void auditsCarrySecuritySeverityAndPrecisionForCodeScanning() {
        for (JsonNode rule : sarif.at("/runs/0/tool/driver/rules")) {
            String id = rule.get("id").asText();
            JsonNode p = rule.get("properties");
            if (p.get("tags").get(0).asText().equals("security")) {
                assertThat(p.get("precision").asText()).as(id).isIn("high", "medium", "low");
                if (p.has("security-severity")) {
                    assertThat(Double.parseDouble(p.get("security-severity").asText()))
                            .as(id)
                            .isBetween(0.1, 10.0);
                }
            } else {
                assertThat(p.has("security-severity")).as(id).isFalse();
            }
        }
        // template injection is high (code scanning shows 7.0-8.9 as high), unpinned uses medium
        assertThat(rule("template-injection").at("/properties/security-severity").asText())
                .isEqualTo("8.0");
        assertThat(rule("template-injection").at("/properties/precision").asText())
                .isEqualTo("high");
        assertThat(rule("unpinned-uses").at("/properties/security-severity").asText())
                .isEqualTo("5.5");
    }

    private static JsonNode rule(String id) {
        for (JsonNode r : sarif.at("/runs/0/tool/driver/rules")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }
}
