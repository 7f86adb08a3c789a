package dev.pipewright.action.coverage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything coverage-gate decided, rendered as the JSON report and as the model of the Markdown
 * summary; {@code baseMissing} is the base-file that did not exist (no base yet), else null.
 */
public record GateResult(
        CoverageData data,
        BigDecimal base,
        String baseMissing,
        BigDecimal delta,
        PatchCoverage patch,
        List<GateCheck> checks) {
    public static final String TOOL = "pipewright coverage-gate";

    public GateResult {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(GateCheck::passed);
    }

    /**
     * Rounding of every percentage shown and gated: Go's one decimal for Go-only reports, else two.
     */
    public Percent.Precision precision() {
        return data.precision();
    }

    public BigDecimal coverage() {
        return data.primary().percent(precision());
    }

    public BigDecimal branchCoverage() {
        return data.branches().percent(precision());
    }

    /** One row per package (directory), worst first; ties by name so the order is stable. */
    public List<Map<String, Object>> packages() {
        Map<String, Counter> byPackage = new TreeMap<>();
        for (FileCoverage f : data.files()) {
            byPackage.merge(PathMapper.packageOf(f.path()), f.primary(), Counter::plus);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byPackage.forEach((name, c) -> rows.add(row("name", name, c, precision())));
        rows.sort(
                Comparator.comparing(
                        (Map<String, Object> r) -> (BigDecimal) r.get("coverage"),
                        Comparator.nullsLast(Comparator.naturalOrder())));
        return rows;
    }

    private static Map<String, Object> row(
            String key, String name, Counter c, Percent.Precision precision) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, name);
        m.put("covered", c.covered());
        m.put("total", c.total());
        m.put("coverage", c.percent(precision));
        return m;
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", TOOL);
        root.put("passed", passed());
        root.put("unit", data.unit());
        root.put("coverage", coverage());
        root.put("covered", data.primary().covered());
        root.put("total", data.primary().total());
        root.put("branch_coverage", branchCoverage());
        root.put("branches", counter(data.branches()));
        if (!data.functions().isEmpty()) {
            root.put("functions", counter(data.functions()));
        }
        root.put("base_coverage", base);
        if (baseMissing != null) {
            root.put("base_missing", baseMissing);
        }
        root.put("delta", delta);
        if (patch != null) {
            Map<String, Object> p = counter(patch.lines());
            p.put("coverage", patch.percent(precision()));
            p.put("hits", patch.hits());
            p.put("partials", patch.partials());
            p.put("misses", patch.misses());
            p.put("codecov_coverage", patch.codecovPercent());
            root.put("patch", p);
        }
        List<Map<String, Object>> cs = new ArrayList<>();
        for (GateCheck c : checks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("actual", c.actual());
            m.put("threshold", c.threshold());
            m.put("passed", c.passed());
            m.put("message", c.message());
            cs.add(m);
        }
        root.put("checks", cs);
        root.put("packages", packages());
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileCoverage f : data.files()) {
            Map<String, Object> m = row("path", f.path(), f.primary(), precision());
            m.put("branches", counter(f.branches()));
            files.add(m);
        }
        root.put("files", files);
        try {
            return new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                            .writeValueAsString(root)
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> counter(Counter c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("covered", c.covered());
        m.put("total", c.total());
        return m;
    }

    /**
     * Model for {@code templates/coverage-gate/summary.md.ftl}: strings only, formatted here once.
     */
    public Map<String, Object> summaryModel(int maxRows) {
        Percent.Precision pr = precision();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", passed());
        m.put("unit", data.unit());
        m.put("coverage", pr.text(coverage()));
        m.put("covered", String.valueOf(data.primary().covered()));
        m.put("total", String.valueOf(data.primary().total()));
        m.put("branchCoverage", pr.text(branchCoverage()));
        m.put("branchesCovered", String.valueOf(data.branches().covered()));
        m.put("branchesTotal", String.valueOf(data.branches().total()));
        m.put("base", pr.exactText(base));
        m.put("baseMissing", baseMissing == null ? "" : baseMissing);
        m.put("delta", delta == null ? "" : (delta.signum() > 0 ? "+" : "") + pr.text(delta));
        m.put("patch", patch == null ? "" : pr.text(patch.percent(pr)));
        m.put("patchCovered", patch == null ? "" : String.valueOf(patch.lines().covered()));
        m.put("patchTotal", patch == null ? "" : String.valueOf(patch.lines().total()));
        List<Map<String, String>> checkRows = new ArrayList<>();
        for (GateCheck c : checks) {
            checkRows.add(
                    Map.of(
                            "name",
                            c.name(),
                            "actual",
                            c.actual(),
                            "threshold",
                            c.threshold(),
                            "passed",
                            String.valueOf(c.passed()),
                            "message",
                            c.message()));
        }
        m.put("checks", checkRows);
        List<Map<String, String>> pkgRows = new ArrayList<>();
        List<Map<String, Object>> all = packages();
        for (Map<String, Object> p : all.subList(0, Math.min(maxRows, all.size()))) {
            pkgRows.add(
                    Map.of(
                            "name",
                            (String) p.get("name"),
                            "covered",
                            p.get("covered").toString(),
                            "total",
                            p.get("total").toString(),
                            "coverage",
                            pr.text((BigDecimal) p.get("coverage"))));
        }
        m.put("packages", pkgRows);
        m.put("morePackages", String.valueOf(Math.max(0, all.size() - maxRows)));
        return m;
    }
}
