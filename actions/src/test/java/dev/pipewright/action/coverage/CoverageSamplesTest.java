package dev.pipewright.action.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.TestData;
import dev.pipewright.action.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every figure of coverage-samples/*&#47;expected.json, reproduced from the real tools' outputs.
 */
class CoverageSamplesTest {
    static CoverageData read(String... files) throws IOException {
        Path dir = TestData.sample("");
        Workspace ws = new Workspace(dir, false);
        return new CoverageReader(ws, new PathMapper(dir, null))
                .read(Arrays.stream(files).map(TestData::sample).toList(), CoverageFormat.AUTO);
    }

    static JsonNode expected(String dir) throws IOException {
        return new ObjectMapper().readTree(TestData.sample(dir + "/expected.json").toFile());
    }

    static BigDecimal pct(Counter c, int scale) {
        return BigDecimal.valueOf(c.covered())
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(c.total()), scale, RoundingMode.HALF_EVEN);
    }

    @Test
    void goProfilesMergeCoverpkgDuplicates() throws IOException {
        JsonNode exp = expected("go");
        for (String name : List.of("cover.set.out", "cover.coverpkg.count.out")) {
            JsonNode e = exp.get(name);
            CoverageData data = read("go/" + name);
            Counter total = data.primary();
            assertThat(total)
                    .as(name)
                    .isEqualTo(
                            new Counter(
                                    e.at("/total/covered").asLong(),
                                    e.at("/total/statements").asLong()));
            assertThat(Percent.goStyle(total.covered(), total.total()))
                    .isEqualTo(e.at("/total/percent").asText());
            assertThat(data.unit()).isEqualTo("statements");
            long blocks = data.files().stream().mapToLong(f -> f.statements().total()).sum();
            assertThat(blocks).isEqualTo(e.at("/total/statements").asLong());
            e.get("files")
                    .fields()
                    .forEachRemaining(
                            f -> {
                                Counter c = data.get(f.getKey()).primary();
                                assertThat(c)
                                        .isEqualTo(
                                                new Counter(
                                                        f.getValue().get("covered").asLong(),
                                                        f.getValue().get("statements").asLong()));
                                assertThat(Percent.goStyle(c.covered(), c.total()))
                                        .isEqualTo(f.getValue().get("percent").asText());
                            });
            Map<String, Counter> packages = new TreeMap<>();
            data.files()
                    .forEach(
                            f ->
                                    packages.merge(
                                            PathMapper.packageOf(f.path()),
                                            f.primary(),
                                            Counter::plus));
            e.get("packages")
                    .fields()
                    .forEachRemaining(
                            p ->
                                    assertThat(packages.get(p.getKey()))
                                            .isEqualTo(
                                                    new Counter(
                                                            p.getValue().get("covered").asLong(),
                                                            p.getValue()
                                                                    .get("statements")
                                                                    .asLong())));
        }
        // The naive reading counts each -coverpkg block once per test binary: 34.4 % instead of
        // 68.8 %.
        assertThat(exp.at("/cover.coverpkg.count.out/naive_unmerged/percent").asText())
                .isEqualTo(Percent.goStyle(11, 32));
        CoverageData merged = read("go/cover.coverpkg.count.out");
        assertThat(merged.primary().percent()).isEqualByComparingTo("68.75");
        assertThat(merged.precision()).isEqualTo(Percent.Precision.GO);
        assertThat(merged.primary().percent(merged.precision()))
                .isEqualByComparingTo(
                        exp.at("/cover.coverpkg.count.out/total/percent").decimalValue());
        assertThat(Percent.Precision.GO.text(merged.primary().percent(merged.precision())))
                .isEqualTo("68.8");
    }

    @Test
    void jacocoLineAndBranchCountersAndCodecovRatios() throws IOException {
        JsonNode exp = expected("jacoco");
        CoverageData data = read("jacoco/jacoco.xml");
        assertThat(data.lines()).isEqualTo(counter(exp.at("/report_counters/LINE")));
        assertThat(data.branches()).isEqualTo(counter(exp.at("/report_counters/BRANCH")));
        assertThat(pct(data.lines(), 2))
                .isEqualByComparingTo(exp.at("/report_percent/LINE").decimalValue());
        assertThat(pct(data.branches(), 2))
                .isEqualByComparingTo(exp.at("/report_percent/BRANCH").decimalValue());
        exp.get("sourcefiles")
                .fields()
                .forEachRemaining(
                        f -> {
                            FileCoverage fc = data.get(f.getKey());
                            assertThat(fc.lineCounter())
                                    .isEqualTo(counter(f.getValue().at("/counters/LINE")));
                            assertThat(fc.branches())
                                    .isEqualTo(counter(f.getValue().at("/counters/BRANCH")));
                            assertThat(codecov(fc))
                                    .isEqualTo(codecovExpected(f.getValue().get("codecov_style")));
                        });
        exp.get("packages")
                .fields()
                .forEachRemaining(
                        p -> {
                            Counter c =
                                    data.files().stream()
                                            .filter(
                                                    f ->
                                                            PathMapper.packageOf(f.path())
                                                                    .equals(p.getKey()))
                                            .map(FileCoverage::lineCounter)
                                            .reduce(Counter.ZERO, Counter::plus);
                            assertThat(pct(c, 2))
                                    .isEqualByComparingTo(
                                            p.getValue().get("line_pct").decimalValue());
                        });
        assertThat(codecov(data)).isEqualTo(codecovExpected(exp.get("codecov_style_total")));
    }

    @Test
    void coberturaAndCoverageJsonAgreeWithCoveragePy() throws IOException {
        JsonNode exp = expected("python");
        for (String file : List.of("python/coverage.xml", "python/coverage.json")) {
            CoverageData data = read(file);
            assertThat(data.lines()).as(file).isEqualTo(new Counter(12, 17));
            assertThat(data.lines())
                    .isEqualTo(
                            new Counter(
                                    exp.at("/coverage_py_totals/covered_lines").asLong(),
                                    exp.at("/coverage_py_totals/num_statements").asLong()));
            assertThat(data.branches())
                    .isEqualTo(
                            new Counter(
                                    exp.at("/coverage_py_totals/covered_branches").asLong(),
                                    exp.at("/coverage_py_totals/num_branches").asLong()));
            // coverage.py's own "Cover" adds lines and branches: (12 + 7) / (17 + 10).
            Counter both = data.lines().plus(data.branches());
            assertThat(both.covered() * 100.0 / both.total())
                    .isEqualTo(exp.at("/coverage_py_totals/percent_covered").asDouble());
            assertThat(pct(data.lines(), 2).divide(BigDecimal.valueOf(100)))
                    .isEqualByComparingTo(exp.at("/cobertura_root/line-rate").asText());
            assertThat(pct(data.branches(), 1).divide(BigDecimal.valueOf(100)))
                    .isEqualByComparingTo(exp.at("/cobertura_root/branch-rate").asText());
            assertThat(codecov(data)).isEqualTo(codecovExpected(exp.get("codecov_style")));
            exp.get("per_file")
                    .fields()
                    .forEachRemaining(
                            f -> {
                                FileCoverage fc = data.get(f.getKey());
                                if (f.getValue().get("codecov_ratio_pct").isNull()) {
                                    assertThat(fc == null || fc.lineCounter().isEmpty()).isTrue();
                                    return;
                                }
                                long[] c = codecov(fc);
                                assertThat(c)
                                        .isEqualTo(
                                                new long[] {
                                                    f.getValue().get("hits").asLong(),
                                                    f.getValue().get("partials").asLong(),
                                                    f.getValue().get("misses").asLong(),
                                                    f.getValue()
                                                            .get("codecov_ratio_pct")
                                                            .decimalValue()
                                                            .movePointRight(2)
                                                            .longValue()
                                                });
                                assertThat(pct(fc.lineCounter(), 2).divide(BigDecimal.valueOf(100)))
                                        .isEqualByComparingTo(
                                                f.getValue().get("cobertura_line_rate").asText());
                            });
        }
    }

    @Test
    void lcovRecomputesTotalsAndMergesLikeLcovAdd() throws IOException {
        JsonNode exp = expected("lcov");
        for (String name : List.of("run1.info", "runB.info", "merged.info")) {
            assertLcov(read("lcov/" + name), exp.get(name));
        }
        // Merging the two captures ourselves gives what 'lcov -a run1.info -a runB.info' wrote.
        assertLcov(read("lcov/run1.info", "lcov/runB.info"), exp.get("merged.info"));
    }

    private static void assertLcov(CoverageData data, JsonNode e) {
        assertThat(data.lines())
                .isEqualTo(new Counter(e.at("/lines/hit").asLong(), e.at("/lines/found").asLong()));
        assertThat(data.functions())
                .isEqualTo(
                        new Counter(
                                e.at("/functions/hit").asLong(),
                                e.at("/functions/found").asLong()));
        assertThat(data.branches())
                .isEqualTo(
                        new Counter(
                                e.at("/branches/hit").asLong(), e.at("/branches/found").asLong()));
        assertThat(pct(data.lines(), 1))
                .isEqualByComparingTo(e.at("/lines/percent").decimalValue());
        assertThat(pct(data.functions(), 1))
                .isEqualByComparingTo(e.at("/functions/percent").decimalValue());
        assertThat(pct(data.branches(), 1))
                .isEqualByComparingTo(e.at("/branches/percent").decimalValue());
    }

    @Test
    void coveragePyLcovReadsChecksumFieldsAndUnorderedLines() throws IOException {
        CoverageData data = read("python/coverage.lcov");
        assertThat(data.lines()).isEqualTo(new Counter(12, 17));
    }

    static Counter counter(JsonNode c) {
        long covered = c.get("covered").asLong();
        return new Counter(covered, covered + c.get("missed").asLong());
    }

    /** hits, partials, misses, ratio in hundredths of a percent. */
    static long[] codecov(FileCoverage f) {
        long[] c = new long[3];
        for (int line = 1; line <= f.maxLine(); line++) {
            switch (f.status(line)) {
                case HIT -> c[0]++;
                case PARTIAL -> c[1]++;
                case MISS -> c[2]++;
                default -> {}
            }
        }
        return new long[] {
            c[0], c[1], c[2], Percent.of(c[0], c[0] + c[1] + c[2]).movePointRight(2).longValue()
        };
    }

    static long[] codecov(CoverageData d) {
        long[] sum = new long[3];
        for (FileCoverage f : d.files()) {
            if (f.lineCounter().isEmpty()) {
                continue;
            }
            long[] c = codecov(f);
            for (int i = 0; i < 3; i++) {
                sum[i] += c[i];
            }
        }
        return new long[] {
            sum[0],
            sum[1],
            sum[2],
            Percent.of(sum[0], sum[0] + sum[1] + sum[2]).movePointRight(2).longValue()
        };
    }

    static long[] codecovExpected(JsonNode e) {
        return new long[] {
            e.get("hits").asLong(),
            e.get("partials").asLong(),
            e.get("misses").asLong(),
            e.get("ratio_pct").decimalValue().movePointRight(2).longValue()
        };
    }
}
