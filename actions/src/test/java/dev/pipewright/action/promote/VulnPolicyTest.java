package dev.pipewright.action.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.InputException;
import dev.pipewright.action.TestData;
import dev.pipewright.testing.SharedData;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Trivy goldens and ignore files give the decisions of expected-gate.json at its fixed "now".
 */
class VulnPolicyTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final Set<TrivyReport.Severity> HIGH =
            EnumSet.of(TrivyReport.Severity.HIGH, TrivyReport.Severity.CRITICAL);

    static String trivy(String name) throws Exception {
        return Files.readString(TestData.resource("promote/trivy/" + name));
    }

    static List<TrivyReport.Finding> report(String name) throws Exception {
        return TrivyReport.parse(name, trivy(name));
    }

    static List<Allowlist.Waiver> trivyignore(List<String> warnings) throws Exception {
        return Allowlist.parse(
                ".trivyignore", trivy(".trivyignore"), Allowlist.Mode.TRIVY, warnings::add);
    }

    @Test
    void debianBusterWithIgnoreFilePasses() throws Exception {
        JsonNode expected =
                new ObjectMapper()
                        .readTree(trivy("expected-gate.json"))
                        .path("debian-buster.trivy.json");
        VulnPolicy.Result r =
                new VulnPolicy(HIGH, false, NOW)
                        .evaluate(
                                report("debian-buster.trivy.json"), trivyignore(new ArrayList<>()));
        assertThat(r.passed()).isEqualTo(expected.path("decision").asText().equals("pass"));
        assertThat(r.blockingIds()).isEmpty();
        for (JsonNode f : expected.path("findings")) {
            VulnPolicy.Decision d =
                    r.decisions().stream()
                            .filter(x -> x.finding().id().equals(f.path("id").asText()))
                            .findFirst()
                            .orElseThrow();
            assertThat(d.verdict()).isEqualTo(VulnPolicy.Verdict.WAIVED);
            assertThat(d.finding().pkg()).isEqualTo(f.path("pkg").asText());
            assertThat(d.finding().severity().name()).isEqualTo(f.path("severity").asText());
            assertThat(d.finding().status()).isEqualTo(f.path("status").asText());
            String shown = d.waiver().shown() + (d.waiver().expires() == null ? "" : " (active)");
            assertThat(shown).isEqualTo(f.path("suppressed_by").asText());
        }
    }

    @Test
    void debianBusterWithoutIgnoreFileFails() throws Exception {
        JsonNode expected =
                new ObjectMapper()
                        .readTree(trivy("expected-gate.json"))
                        .path("debian-buster.trivy.json (without ignore file)");
        VulnPolicy.Result r =
                new VulnPolicy(HIGH, false, NOW)
                        .evaluate(report("debian-buster.trivy.json"), List.of());
        assertThat(r.passed()).isFalse();
        assertThat(expected.path("decision").asText()).isEqualTo("fail");
        assertThat(r.blockingIds()).containsExactly(expected.path("blocking").get(0).asText());
    }

    @Test
    void gomodUnknownSeverityDoesNotBlockButMalformedAndExpiredWaiversDoNotSuppress()
            throws Exception {
        List<String> warnings = new ArrayList<>();
        List<Allowlist.Waiver> waivers = trivyignore(warnings);
        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith(".trivyignore:8: 'exp:2020-13-45' is not a date");
        VulnPolicy.Result r =
                new VulnPolicy(HIGH, false, NOW).evaluate(report("gomod-vex.trivy.json"), waivers);
        assertThat(r.passed()).isTrue();
        assertThat(r.with(VulnPolicy.Verdict.WAIVED)).isEmpty();
        assertThat(r.with(VulnPolicy.Verdict.EXPIRED_WAIVER))
                .extracting(d -> d.finding().id())
                .containsExactly("CVE-2021-38561");
        // "with threshold UNKNOWN the decision is fail with 4 findings"
        VulnPolicy.Result strict =
                new VulnPolicy(EnumSet.allOf(TrivyReport.Severity.class), false, NOW)
                        .evaluate(report("gomod-vex.trivy.json"), waivers);
        assertThat(strict.passed()).isFalse();
        assertThat(strict.decisions().stream().filter(VulnPolicy.Decision::blocking).count())
                .isEqualTo(4);
    }

    @Test
    void anExpiredWaiverFailsTheGate() throws Exception {
        String ignore = "# accepted until the vendor ships a fix\nCVE-2019-18224 exp:2026-05-31\n";
        List<Allowlist.Waiver> w =
                Allowlist.parse(".trivyignore", ignore, Allowlist.Mode.STRICT, s -> {});
        VulnPolicy.Result r =
                new VulnPolicy(HIGH, false, NOW).evaluate(report("debian-buster.trivy.json"), w);
        assertThat(r.passed()).isFalse();
        assertThat(
                        r.decisions().stream()
                                .filter(VulnPolicy.Decision::blocking)
                                .findFirst()
                                .orElseThrow()
                                .waiver())
                .extracting(Allowlist.Waiver::line)
                .isEqualTo(2);
        // Active through the whole of the previous day: midnight UTC of the date is not before now.
        List<Allowlist.Waiver> lastDay =
                Allowlist.parse(
                        ".trivyignore",
                        ignore.replace("05-31", "06-01"),
                        Allowlist.Mode.STRICT,
                        s -> {});
        assertThat(
                        new VulnPolicy(HIGH, false, NOW)
                                .evaluate(report("debian-buster.trivy.json"), lastDay)
                                .passed())
                .isTrue();
    }

    @Test
    void ignoreUnfixedDropsFindingsWithoutAFix() throws Exception {
        VulnPolicy.Result r =
                new VulnPolicy(EnumSet.allOf(TrivyReport.Severity.class), true, NOW)
                        .evaluate(report("debian-buster.trivy.json"), List.of());
        assertThat(r.with(VulnPolicy.Verdict.UNFIXED_IGNORED))
                .extracting(d -> d.finding().id())
                .containsExactly("CVE-2019-18276");
    }

    @Test
    void strictModeRejectsMalformedDatesAndMissingReasonsWithFileAndLine() throws Exception {
        assertThatThrownBy(
                        () ->
                                Allowlist.parse(
                                        ".trivyignore",
                                        trivy(".trivyignore"),
                                        Allowlist.Mode.STRICT,
                                        s -> {}))
                .isInstanceOf(InputException.class)
                .hasMessage(".trivyignore:8: 'exp:2020-13-45' is not a date (exp:YYYY-MM-DD)");
        assertThatThrownBy(
                        () ->
                                Allowlist.parse(
                                        "allow.txt", "CVE-1\n", Allowlist.Mode.STRICT, s -> {}))
                .hasMessageStartingWith("allow.txt:1: the waiver for CVE-1 gives no reason");
        assertThatThrownBy(
                        () ->
                                Allowlist.parse(
                                        ".trivyignore.yaml",
                                        trivy("trivyignore.yaml"),
                                        Allowlist.Mode.STRICT,
                                        s -> {}))
                .hasMessageStartingWith(
                        ".trivyignore.yaml:9: the waiver for CVE-2021-38561 gives no reason");
    }

    @Test
    void yamlAndVexWaivers() throws Exception {
        List<Allowlist.Waiver> yaml =
                Allowlist.parse(
                        ".trivyignore.yaml",
                        trivy("trivyignore.yaml"),
                        Allowlist.Mode.TRIVY,
                        s -> {});
        assertThat(yaml)
                .extracting(Allowlist.Waiver::id, Allowlist.Waiver::reason)
                .containsExactly(
                        Tuple.tuple("CVE-2019-18276", "Accept the risk"),
                        Tuple.tuple("CVE-2019-18224", "Waiting for upstream"),
                        Tuple.tuple("CVE-2021-38561", ""));
        VulnPolicy.Result r =
                new VulnPolicy(HIGH, false, NOW).evaluate(report("debian-buster.trivy.json"), yaml);
        assertThat(r.with(VulnPolicy.Verdict.WAIVED)).hasSize(2);
        VulnPolicy.Result go =
                new VulnPolicy(EnumSet.allOf(TrivyReport.Severity.class), false, NOW)
                        .evaluate(report("gomod-vex.trivy.json"), yaml);
        assertThat(go.with(VulnPolicy.Verdict.BLOCKING))
                .extracting(d -> d.finding().id())
                .contains("CVE-2021-38561");

        List<Allowlist.Waiver> vex =
                Allowlist.parse(
                        "openvex.json", trivy("openvex.json"), Allowlist.Mode.STRICT, s -> {});
        assertThat(vex)
                .singleElement()
                .satisfies(
                        w -> {
                            assertThat(w.id()).isEqualTo("CVE-2022-23628");
                            assertThat(w.reason())
                                    .isEqualTo(
                                            "not_affected: vulnerable_code_not_in_execute_path: The vulnerable code "
                                                    + "isn't called");
                            assertThat(w.purls())
                                    .containsExactly(
                                            "pkg:golang/github.com/open-policy-agent/opa@v0.35.0");
                        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ".trivyignore",
                "trivyignore.yaml",
                "openvex.json",
                "debian-buster.trivy.json",
                "gomod-vex.trivy.json",
                "expected-gate.json"
            })
    void copiesEqualTheSharedOriginals(String name) throws Exception {
        assertThat(trivy(name))
                .isEqualTo(Files.readString(SharedData.require("reference/trivy-samples/" + name)));
    }

    @Test
    void notAReportIsBadInputWithFileAndLine() {
        assertThatThrownBy(() -> TrivyReport.parse("r.json", "{\n  \"Results\": [\n}"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("r.json:3:1: malformed JSON: Unexpected close marker '}'")
                .hasMessageNotContaining("Source");
        assertThatThrownBy(() -> TrivyReport.parse("r.json", "{}"))
                .hasMessageStartingWith("r.json:1: not a Trivy JSON report");
    }
}
