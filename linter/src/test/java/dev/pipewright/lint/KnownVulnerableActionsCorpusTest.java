package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.audit.ActionAdvisories;
import dev.pipewright.lint.audit.SecurityAudits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * known-vulnerable-actions over the shared corpus of real workflows (skipped without {@code
 * ../shared}): every finding on the line of a versioned {@code uses:} and naming an advisory of the
 * snapshot, with the findings listed in {@code target/known-vulnerable-actions-corpus.txt} for
 * review.
 */
class KnownVulnerableActionsCorpusTest {
    private static final Pattern GHSA = Pattern.compile("GHSA(?:-[0-9a-z]{4}){3}");

    @Test
    void corpusFindingsNameASnapshotAdvisoryOnAVersionedUses() throws IOException {
        Path corpus = TestFiles.sharedDir().resolve("corpus");
        RuleInfo rule =
                SecurityAudits.all().stream()
                        .filter(r -> r.id().equals("known-vulnerable-actions"))
                        .findFirst()
                        .orElseThrow();
        Linter linter = new Linter(LintConfig.empty(), List.of(rule));
        List<Finding> findings =
                new ArrayList<>(linter.lintPaths(List.of(corpus.resolve("workflows")), corpus));
        findings.addAll(linter.lintPaths(List.of(corpus.resolve("actions")), corpus));
        Set<String> ids =
                ActionAdvisories.snapshot().all().stream()
                        .map(ActionAdvisories.Advisory::id)
                        .collect(Collectors.toSet());

        Map<String, Integer> perAdvisory = new TreeMap<>();
        StringBuilder report = new StringBuilder();
        for (Finding f : findings) {
            Matcher m = GHSA.matcher(f.message());
            assertThat(m.find()).as("advisory id in %s", f.format()).isTrue();
            assertThat(ids).as("advisory of %s", f.format()).contains(m.group());
            String line =
                    Files.readAllLines(corpus.resolve(f.file()), StandardCharsets.UTF_8)
                            .get(f.line() - 1);
            assertThat(line)
                    .as("line of %s", f.format())
                    .containsPattern("uses:\\s*['\"]?[\\w.-]+/[\\w.-]+[^@]*@");
            perAdvisory.merge(m.group() + " " + f.severity().label(), 1, Integer::sum);
            report.append(f.format()).append('\n');
        }
        report.insert(
                0,
                "findings: "
                        + findings.size()
                        + "\n"
                        + perAdvisory.entrySet().stream()
                                .map(e -> "  " + e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining("\n"))
                        + "\n\n");
        Path out =
                TestFiles.repoRoot().resolve("linter/target/known-vulnerable-actions-corpus.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }
}
