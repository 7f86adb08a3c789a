package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.fix.FixApplier;
import dev.pipewright.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --fix} round trip on every audit fixture: the fixed findings are gone, no rule finds more
 * than before, GitHub's parser still accepts the file, and a second fix changes nothing.
 */
class FixRoundTripTest {
    private static final AtomicInteger FIXED = new AtomicInteger();

    @TempDir static Path tmp;

    @TestFactory
    Stream<DynamicTest> fixRoundTrips() throws IOException {
        return FixturesTest.cases("err")
                .filter(TestLinting::auditFixture)
                .map(f -> DynamicTest.dynamicTest("fix " + f.getFileName(), () -> roundTrip(f)));
    }

    private static void roundTrip(Path f) throws IOException {
        Path config =
                f.resolveSibling(
                        f.getFileName().toString().replaceFirst("\\.ya?ml$", ".config.yml"));
        LintConfig c = Files.exists(config) ? LintConfig.load(config) : LintConfig.empty();
        String source = Files.readString(f, StandardCharsets.UTF_8);
        Linter.Kind kind = TestLinting.kind(f);
        FixApplier.Result r =
                new FixApplier(c)
                        .fix(f.getFileName().toString(), source, kind, FixturesTest.PROJECT);
        if (!r.changed()) {
            assertThat(r.text()).isEqualTo(source);
            return;
        }
        FIXED.incrementAndGet();
        Linter linter = new Linter(c, TestLinting.rules(f));
        Map<String, Long> before =
                perRule(
                        linter.lintSource(
                                f.getFileName().toString(), source, kind, FixturesTest.PROJECT));
        Map<String, Long> after =
                perRule(
                        linter.lintSource(
                                f.getFileName().toString(), r.text(), kind, FixturesTest.PROJECT));
        for (FixApplier.Change ch : r.changes()) {
            assertThat(after.getOrDefault(ch.rule(), 0L))
                    .as("%s findings after fixing %s:%n%s", ch.rule(), f.getFileName(), r.text())
                    .isLessThan(before.getOrDefault(ch.rule(), 0L));
        }
        after.forEach(
                (rule, n) ->
                        assertThat(n)
                                .as(
                                        "%s findings after fixing %s:%n%s",
                                        rule, f.getFileName(), r.text())
                                .isLessThanOrEqualTo(before.getOrDefault(rule, 0L)));
        assertThat(
                        new FixApplier(c)
                                .fix(
                                        f.getFileName().toString(),
                                        r.text(),
                                        kind,
                                        FixturesTest.PROJECT)
                                .changes())
                .as("second fix of %s", f.getFileName())
                .isEmpty();
        Path fixed = tmp.resolve(f.getFileName().toString());
        Files.writeString(fixed, r.text(), StandardCharsets.UTF_8);
        assertThat(Oracles.workflowParser(fixed))
                .as("GitHub's parser on the fixed %s:%n%s", f.getFileName(), r.text())
                .isEmpty();
    }

    private static Map<String, Long> perRule(List<Finding> findings) {
        return findings.stream()
                .collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.counting()));
    }

    @AfterAll
    static void someFixturesWereFixed() {
        assertThat(FIXED.get()).as("fixtures changed by --fix").isGreaterThanOrEqualTo(8);
    }
}
