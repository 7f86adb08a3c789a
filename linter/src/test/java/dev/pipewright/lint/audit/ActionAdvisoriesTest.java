package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.github.Uses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionAdvisoriesTest {
    private static String snapshotText() throws IOException {
        try (InputStream in = ActionAdvisories.class.getResourceAsStream("action-advisories.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void positiveTheSnapshotNamesItsSourceAndLicence() throws IOException {
        List<String> header = snapshotText().lines().takeWhile(l -> l.startsWith("#")).toList();
        assertThat(String.join("\n", header))
                .contains("github/advisory-database")
                .contains("CC-BY-4.0")
                .containsPattern("20\\d\\d-\\d\\d-\\d\\d")
                .contains("refresh-action-advisories.py");
    }

    @Test
    void positiveEveryLineIsAnAdvisoryOfAnAction() {
        List<ActionAdvisories.Advisory> all = ActionAdvisories.snapshot().all();
        assertThat(all)
                .isNotEmpty()
                .allSatisfy(
                        a -> {
                            assertThat(a.id()).matches("GHSA(-[23456789cfghjmpqrvwx]{4}){3}");
                            assertThat(a.pkg()).matches("[\\w.-]+/[\\w.-]+(/.*)?");
                            assertThat(a.severity()).isIn("low", "moderate", "high", "critical");
                            assertThat(a.fixed().equals("-") || a.fixedVersion() != null)
                                    .as("fixed version of %s", a.id())
                                    .isTrue();
                            assertThat(a.summary()).isNotBlank();
                        });
    }

    @Test
    void positiveAnActionFindsItsRepositorysAdvisoriesWhateverItsPathAndCase() {
        Uses u = Uses.parse("TJ-Actions/Changed-Files@v40").orElseThrow();
        assertThat(ActionAdvisories.snapshot().of(u))
                .extracting(ActionAdvisories.Advisory::id)
                .contains("GHSA-mrrh-fwg8-r2c3", "GHSA-mcph-m25j-8j63");
        assertThat(
                        ActionAdvisories.snapshot()
                                .of(Uses.parse("github/codeql-action/init@v2").orElseThrow()))
                .extracting(ActionAdvisories.Advisory::id)
                .contains("GHSA-vqf5-2xx6-9wfm");
        assertThat(
                        ActionAdvisories.snapshot()
                                .of(Uses.parse("tj-actions/changed-files-fork@v40").orElseThrow()))
                .isEmpty();
    }

    @Test
    void positiveAnAdvisoryOfAPathNamesOnlyThatPath() {
        ActionAdvisories db =
                ActionAdvisories.parse(
                        "GHSA-aaaa-bbbb-cccc\tacme/tools/lint\thigh\t< 2\t2\t-\tlint leaks\n");
        assertThat(db.of(Uses.parse("acme/tools/lint@v1").orElseThrow())).hasSize(1);
        assertThat(db.of(Uses.parse("acme/tools/format@v1").orElseThrow())).isEmpty();
        assertThat(db.of(Uses.parse("acme/tools@v1").orElseThrow())).isEmpty();
    }

    @Test
    void negativeAMalformedLineFailsWithItsNumber() {
        assertThatThrownBy(() -> ActionAdvisories.parse("# header\nGHSA-x\tacme/tool\thigh\n"))
                .hasMessage("action-advisories.tsv:2: expected 7 tab-separated fields, found 3");
        assertThatThrownBy(
                        () -> ActionAdvisories.parse("GHSA-x\tacme/tool\thigh\t4.0.0\t-\t-\ts\n"))
                .hasMessage(
                        "action-advisories.tsv:1: vulnerable range constraint without an operator: \"4.0.0\"");
    }
}
