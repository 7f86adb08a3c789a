package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.rule.BuiltInRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each docs page's examples are fixtures: the text must match the fixture and the linter's current
 * output.
 */
class DocsTest {
    private static final Pattern EXAMPLE =
            Pattern.compile(
                    "<!-- fixture: (\\S+) -->\\n```yaml\\n(.*?)```\\n\\n```text\\n(.*?)```",
                    Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> examplesAreFixturesAndStillHold() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleInfo r : BuiltInRules.all()) {
            Path page = TestFiles.repoRoot().resolve("docs/rules/" + r.id() + ".md");
            String md = Files.readString(page, StandardCharsets.UTF_8);
            Matcher m = EXAMPLE.matcher(md);
            int count = 0;
            while (m.find()) {
                count++;
                String fixture = m.group(1);
                String yaml = m.group(2);
                String expected = m.group(3);
                tests.add(
                        DynamicTest.dynamicTest(
                                r.id() + ": " + fixture,
                                () -> {
                                    Path f = FixturesTest.LINT.resolve(fixture);
                                    assertThat(yaml)
                                            .as("docs example equals %s", fixture)
                                            .isEqualTo(Files.readString(f, StandardCharsets.UTF_8));
                                    List<String> actual =
                                            FixturesTest.lint(f).stream()
                                                    .map(Finding::format)
                                                    .toList();
                                    FixturesTest.assertMatches(
                                            f,
                                            expected.lines().filter(l -> !l.isBlank()).toList(),
                                            actual);
                                }));
            }
            int examples = count;
            tests.add(
                    DynamicTest.dynamicTest(
                            r.id() + " has examples",
                            () ->
                                    assertThat(examples)
                                            .as("examples in %s", page)
                                            .isGreaterThanOrEqualTo(1)));
        }
        return tests.stream();
    }
}
