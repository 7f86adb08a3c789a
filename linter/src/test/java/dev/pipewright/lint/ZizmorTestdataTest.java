package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YSeq;
import dev.pipewright.lint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the security audits over the inputs of zizmor's own audit tests (test resources {@code
 * zizmor-testdata}, see its README) with the persona and audit configuration each test gives
 * zizmor, and counts the findings zizmor's snapshots expect that we report too: the same audit in
 * the same step, or on the same line when the expected line is in no step. {@code
 * bench/zizmor-testdata.py} measures the same through the command line and explains the differences
 * in {@code bench/zizmor-testdata.md}.
 */
class ZizmorTestdataTest {
    static final Path DIR =
            TestFiles.repoRoot().resolve("linter/src/test/resources/zizmor-testdata");

    /** Expected findings reproduced (same audit, same step); must not drop. */
    static final int FOUND = 314;

    /** One expected finding: the input file (under test-data), the run's options, audit, line. */
    record Expected(String test, String input, String options, String audit, int line) {}

    private static final List<Expected> expected = new ArrayList<>();
    private static final Map<String, List<Finding>> ours = new HashMap<>();

    @BeforeAll
    static void lintAll(@TempDir Path tmp) throws IOException {
        Map<String, TreeSet<String>> runs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("expectations.tsv"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (!c[3].equals("run")) {
                continue;
            }
            runs.computeIfAbsent(c[2], k -> new TreeSet<>()).add(c[1]);
            if (!c[4].equals("-")) {
                expected.add(new Expected(c[0], c[1], c[2], c[4], Integer.parseInt(c[6])));
            }
        }
        List<RuleInfo> rules =
                BuiltInRules.all().stream()
                        .filter(r -> !TestLinting.EXTERNAL.containsKey(r.id()))
                        .toList();
        Path data = DIR.resolve("test-data");
        int n = 0;
        for (Map.Entry<String, TreeSet<String>> run : runs.entrySet()) {
            Path conf = tmp.resolve("config-" + n++ + ".yml");
            Files.writeString(conf, config(run.getKey()), StandardCharsets.UTF_8);
            List<Path> paths = new ArrayList<>();
            for (String input : run.getValue()) {
                Path p = data.resolve(input);
                // an input inside a folder the test names (its findings name files in it)
                paths.add(Files.exists(p) ? p : p.getParent());
            }
            for (Finding f :
                    new Linter(LintConfig.load(conf), rules)
                            .lintPaths(paths.stream().distinct().toList(), data)) {
                String file = data.relativize(data.resolve(f.file()).normalize()).toString();
                ours.computeIfAbsent(run.getKey() + "\t" + file, k -> new ArrayList<>()).add(f);
            }
        }
    }

    /**
     * The configuration of a run's options: {@code persona=auditor;forbidden-uses.deny=a,b;...}.
     */
    static String config(String options) {
        StringBuilder out = new StringBuilder("audits:\n");
        for (String opt : options.split(";")) {
            String[] kv = opt.split("=", 2);
            if (kv[0].equals("persona")) {
                out.append("  persona: ").append(kv[1]).append('\n');
            } else {
                String[] key = kv[0].split("\\.");
                out.append("  ").append(key[0]).append(":\n    ").append(key[1]).append(": [");
                out.append(
                        String.join(
                                ", ",
                                List.of(kv[1].split(",")).stream()
                                        .map(s -> '"' + s + '"')
                                        .toList()));
                out.append("]\n");
            }
        }
        return out.toString();
    }

    /**
     * The first and last lines of every step of the file: a mapping item of a {@code steps:}
     * sequence, from its first key to the last line indented at least as deep.
     */
    static List<int[]> stepSpans(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        List<int[]> spans = new ArrayList<>();
        List<YMap> steps = new ArrayList<>();
        collectSteps(new YamlLoader().load(text).root(), null, steps);
        for (YMap step : steps) {
            int start = step.pos().line() - 1;
            int indent = step.pos().col() - 1;
            int end = start;
            for (int i = start + 1; i < lines.length; i++) {
                String body = lines[i].stripLeading();
                if (!body.isEmpty()
                        && !body.startsWith("#")
                        && lines[i].length() - body.length() < indent) {
                    break;
                }
                if (!body.isEmpty()) {
                    end = i;
                }
            }
            spans.add(new int[] {start + 1, end + 1});
        }
        return spans;
    }

    private static void collectSteps(YNode node, String key, List<YMap> out) {
        if (node instanceof YMap m) {
            m.entries().forEach(e -> collectSteps(e.value(), e.key().value(), out));
        } else if (node instanceof YSeq s) {
            for (YNode item : s.items()) {
                if ("steps".equals(key) && item instanceof YMap step) {
                    out.add(step);
                }
                collectSteps(item, null, out);
            }
        }
    }

    /** The expected findings we report, by "audit: found/expected". */
    static Map<String, int[]> count(List<String> misses) throws IOException {
        Map<String, List<int[]>> spans = new HashMap<>();
        Map<String, int[]> byAudit = new TreeMap<>();
        for (Expected e : expected) {
            List<int[]> steps = spans.get(e.input());
            if (steps == null) {
                steps = stepSpans(DIR.resolve("test-data").resolve(e.input()));
                spans.put(e.input(), steps);
            }
            int[] step =
                    steps.stream()
                            .filter(s -> s[0] <= e.line() && e.line() <= s[1])
                            .findFirst()
                            .orElse(new int[] {e.line(), e.line()});
            boolean found =
                    ours.getOrDefault(e.options() + "\t" + e.input(), List.of()).stream()
                            .anyMatch(
                                    f ->
                                            f.rule().equals(e.audit())
                                                    && step[0] <= f.line()
                                                    && f.line() <= step[1]);
            int[] c = byAudit.computeIfAbsent(e.audit(), k -> new int[2]);
            c[0] += found ? 1 : 0;
            c[1]++;
            if (!found) {
                misses.add(e.audit() + " " + e.input() + ":" + e.line() + " " + e.test());
            }
        }
        return byAudit;
    }

    @Test
    void readsZizmorsExpectations() {
        assertThat(expected).hasSizeGreaterThan(300);
    }

    @Test
    void expectedFindingsAreReproduced() throws IOException {
        List<String> misses = new ArrayList<>();
        Map<String, int[]> byAudit = count(misses);
        int found = byAudit.values().stream().mapToInt(c -> c[0]).sum();
        assertThat(found)
                .as(
                        "zizmor's expected findings we report in the same step; misses:\n%s",
                        String.join("\n", misses))
                .isGreaterThanOrEqualTo(FOUND);
    }
}
