package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.audit.SecurityAudits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lints the shared corpus of real workflows: no crash, a report of findings per rule in {@code
 * target/corpus-report.txt}, and few files with errors (GitHub's parser rejects 3).
 */
class CorpusTest {
    @Test
    void corpusLintsWithoutCrashAndWithFewErrors() throws IOException {
        Path corpus = TestFiles.sharedDir().resolve("corpus");
        List<Path> workflows = files(corpus.resolve("workflows"));
        List<Path> actions = files(corpus.resolve("actions"));
        Linter linter = new Linter(LintConfig.empty());
        List<Finding> wf = linter.lintPaths(List.of(corpus.resolve("workflows")), corpus);
        List<Finding> act = linter.lintPaths(List.of(corpus.resolve("actions")), corpus);

        // Correctness errors are what GitHub would reject: on real, working workflows they are
        // almost all false
        // positives. Security errors (an image on "latest", an injection) are real findings in
        // working workflows.
        Set<String> security =
                SecurityAudits.all().stream().map(RuleInfo::id).collect(Collectors.toSet());
        TreeSet<String> errorFiles =
                wf.stream()
                        .filter(f -> f.severity() == Severity.ERROR)
                        .filter(f -> !security.contains(f.rule()))
                        .map(Finding::file)
                        .collect(Collectors.toCollection(TreeSet::new));
        StringBuilder report = new StringBuilder();
        report.append("workflow files: ")
                .append(workflows.size())
                .append(", action files: ")
                .append(actions.size())
                .append('\n');
        report.append("workflow files with correctness errors: ")
                .append(errorFiles.size())
                .append('\n');
        report.append("\nfindings per rule (workflows) [severity counts]:\n");
        perRule(wf)
                .forEach(
                        (rule, n) ->
                                report.append("  ")
                                        .append(rule)
                                        .append(": ")
                                        .append(n)
                                        .append('\n'));
        report.append("\nfindings per rule (action metadata):\n");
        perRule(act)
                .forEach(
                        (rule, n) ->
                                report.append("  ")
                                        .append(rule)
                                        .append(": ")
                                        .append(n)
                                        .append('\n'));
        report.append("\nerror findings:\n");
        Stream.concat(wf.stream(), act.stream())
                .filter(f -> f.severity() == Severity.ERROR)
                .forEach(f -> report.append("  ").append(f.format()).append('\n'));
        Path out = TestFiles.repoRoot().resolve("linter/target/corpus-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);

        assertThat(workflows).hasSizeGreaterThan(1000);
        assertThat(errorFiles)
                .as("workflow files with correctness errors (see %s)", out)
                .hasSizeLessThanOrEqualTo(10);
    }

    private static Map<String, String> perRule(List<Finding> findings) {
        Map<String, Map<Severity, Long>> counts = new TreeMap<>();
        findings.forEach(
                f ->
                        counts.computeIfAbsent(f.rule(), r -> new TreeMap<>())
                                .merge(f.severity(), 1L, Long::sum));
        Map<String, String> out = new TreeMap<>();
        counts.forEach((r, m) -> out.put(r, m.toString()));
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        }
    }
}
