package dev.pipewright.action.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.TestData;
import dev.pipewright.action.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * coverage.py's JSON read with coverage.py's own counting, checked against its summaries and its
 * text report.
 */
class CoveragePyJsonTest {
    private static final Pattern TOTAL =
            Pattern.compile("(?m)^TOTAL\\s+(\\d+)\\s+(\\d+)(?:\\s+(\\d+)\\s+(\\d+))?\\s+(\\d+)%$");

    @TempDir Path tmp;

    static CoverageData read(Path report) throws IOException {
        Workspace ws = new Workspace(report.getParent(), false);
        return new CoverageReader(ws, new PathMapper(report.getParent(), null))
                .read(List.of(report), CoverageFormat.AUTO);
    }

    static Path real(String relative) {
        return TestData.resource("coverage-real/" + relative);
    }

    @Test
    void totalsEqualCoveragePysOwnOnTomli() throws IOException {
        assertCoveragePyTotals("tomli");
        CoverageData data = read(real("tomli/coverage.json"));
        // The raw lists hold 182 lines run in _parser.py (an excluded 'if TYPE_CHECKING:' and three
        // docstrings among
        // them) and 53 branch arcs; coverage.py counts 178 statements and 44 branches.
        FileCoverage parser = data.get("src/tomli/_parser.py");
        assertThat(parser.lineCounter()).isEqualTo(new Counter(178, 489));
        assertThat(parser.branches()).isEqualTo(new Counter(44, 194));
        assertThat(parser.status(20))
                .as("excluded line 20 ran but is no statement")
                .isEqualTo(LineStatus.NONE);
        assertThat(parser.status(690)).as("'# pragma: no cover' line").isEqualTo(LineStatus.NONE);
        assertThat(data.unit()).isEqualTo("statements and branches");
        // The figure users see in 'coverage report', not the 37.62 % that counting every listed
        // line gives.
        assertThat(data.primary().percent()).isEqualByComparingTo("33.15");
    }

    @Test
    void totalsEqualCoveragePysOwnWithAnEmptyModuleListedAsLineZero() throws IOException {
        JsonNode init =
                json(real("more-itertools/coverage.json"))
                        .at("/files/tests~1__init__.py/executed_lines");
        assertThat(init.toString()).isEqualTo("[0]");
        assertCoveragePyTotals("more-itertools");
        CoverageData data = read(real("more-itertools/coverage.json"));
        assertThat(data.get("tests/__init__.py").lineCounter()).isEqualTo(Counter.ZERO);
        assertThat(data.unit()).isEqualTo("statements");
        assertThat(data.primary().percent()).isEqualByComparingTo("23.79");
    }

    @Test
    void theSharedSampleAddsBranchesToStatementsLikeCoveragePy() throws IOException {
        CoverageData data = read(TestData.sample("python/coverage.json"));
        assertThat(data.primary()).isEqualTo(new Counter(12 + 7, 17 + 10));
        assertThat(data.primary().covered() * 100.0 / data.primary().total())
                .isEqualTo(70.37037037037037);
    }

    /**
     * Per file and in total: statements, branches and percent_covered equal coverage.py's, and
     * TOTAL in report.txt.
     */
    private static void assertCoveragePyTotals(String dir) throws IOException {
        JsonNode report = json(real(dir + "/coverage.json"));
        CoverageData data = read(real(dir + "/coverage.json"));
        boolean branches = report.at("/meta/branch_coverage").asBoolean();
        report.get("files")
                .fields()
                .forEachRemaining(
                        e -> {
                            JsonNode s = e.getValue().get("summary");
                            FileCoverage f = data.get(e.getKey());
                            assertThat(f.lineCounter())
                                    .as(e.getKey())
                                    .isEqualTo(
                                            new Counter(
                                                    s.get("covered_lines").asLong(),
                                                    s.get("num_statements").asLong()));
                            if (branches) {
                                assertThat(f.branches())
                                        .as(e.getKey())
                                        .isEqualTo(
                                                new Counter(
                                                        s.get("covered_branches").asLong(),
                                                        s.get("num_branches").asLong()));
                            }
                            if (!f.primary().isEmpty()) {
                                assertThat(f.primary().covered() * 100.0 / f.primary().total())
                                        .as(e.getKey())
                                        .isEqualTo(s.get("percent_covered").asDouble());
                            }
                        });
        JsonNode t = report.get("totals");
        Counter primary = data.primary();
        // coverage.py computes (100.0 * covered) / total in doubles; the same expression gives the
        // same bits.
        assertThat(100.0 * primary.covered() / primary.total())
                .isEqualTo(t.get("percent_covered").asDouble());
        assertThat(data.lines())
                .isEqualTo(
                        new Counter(
                                t.get("covered_lines").asLong(), t.get("num_statements").asLong()));

        Matcher m = TOTAL.matcher(Files.readString(real(dir + "/report.txt")));
        assertThat(m.find()).isTrue();
        assertThat(data.lines().total()).isEqualTo(Long.parseLong(m.group(1)));
        assertThat(data.lines().total() - data.lines().covered())
                .isEqualTo(Long.parseLong(m.group(2)));
        if (m.group(3) != null) {
            assertThat(data.branches().total()).isEqualTo(Long.parseLong(m.group(3)));
        }
        assertThat(data.primary().percent().setScale(0, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(new BigDecimal(m.group(5)));
    }

    @Test
    void aSummaryThatCountsMoreThanTheListsIsRefused() throws IOException {
        Path f = tmp.resolve("coverage.json");
        Files.writeString(
                f,
                """
                {"files": {"a.py": {"executed_lines": [1], "missing_lines": [],
                  "summary": {"covered_lines": 2, "num_statements": 2}}}}
                """);
        assertThatThrownBy(() -> read(f))
                .isInstanceOf(ReportParseException.class)
                .hasMessageContaining("coverage.json:1:")
                .hasMessageContaining("a.py: the summary counts 2 of 2 statements");
    }

    @Test
    void lineZeroIsOnlyTheModuleAndNegativeLinesStayRefused() throws IOException {
        Path f = tmp.resolve("coverage.json");
        Files.writeString(
                f, "{\"files\": {\"a.py\": {\"executed_lines\": [0, 1], \"missing_lines\": [2]}}}");
        assertThat(read(f).lines()).isEqualTo(new Counter(1, 2));
        Files.writeString(
                f, "{\"files\": {\"a.py\": {\"executed_lines\": [-1], \"missing_lines\": [2]}}}");
        assertThatThrownBy(() -> read(f))
                .isInstanceOf(ReportParseException.class)
                .hasMessageContaining("expected a line number");
    }

    private static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }
}
