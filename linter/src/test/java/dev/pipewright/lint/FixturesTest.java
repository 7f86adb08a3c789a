package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Data-driven rule tests: each {@code err/<case>.yaml} must produce exactly the lines of {@code
 * <case>.out} (a line wrapped in slashes is a regex), each {@code ok/<case>.yaml} none.
 */
class FixturesTest {
    static final Path LINT = TestFiles.repoRoot().resolve("linter/src/test/resources/lint");

    /** A fake repository for local actions and reusable workflows used by fixtures. */
    static final Path PROJECT = LINT.resolve("project");

    @TestFactory
    Stream<DynamicTest> errorCases() throws IOException {
        return cases("err")
                .map(
                        f ->
                                DynamicTest.dynamicTest(
                                        "err/" + f.getFileName(),
                                        f.toUri(),
                                        () -> {
                                            List<String> actual =
                                                    lint(f).stream().map(Finding::format).toList();
                                            Path out =
                                                    f.resolveSibling(
                                                            f.getFileName()
                                                                    .toString()
                                                                    .replaceFirst(
                                                                            "\\.ya?ml$", ".out"));
                                            if (Boolean.getBoolean("fixtures.update")) {
                                                // Golden update switch: rewrite expectations
                                                // locally, review the diff, commit.
                                                Files.writeString(
                                                        out,
                                                        actual.isEmpty()
                                                                ? ""
                                                                : String.join("\n", actual) + "\n",
                                                        StandardCharsets.UTF_8);
                                            }
                                            assertThat(out).as("expected output file").exists();
                                            List<String> expected =
                                                    Files.readAllLines(out, StandardCharsets.UTF_8)
                                                            .stream()
                                                            .filter(l -> !l.isBlank())
                                                            .toList();
                                            assertMatches(f, expected, actual);
                                        }));
    }

    @TestFactory
    Stream<DynamicTest> okCases() throws IOException {
        return cases("ok")
                .map(
                        f ->
                                DynamicTest.dynamicTest(
                                        "ok/" + f.getFileName(),
                                        f.toUri(),
                                        () ->
                                                assertThat(lint(f))
                                                        .as("findings in %s", f)
                                                        .isEmpty()));
    }

    static List<Finding> lint(Path f) throws IOException {
        TestLinting.assumeToolsFor(f);
        Path config =
                f.resolveSibling(
                        f.getFileName().toString().replaceFirst("\\.ya?ml$", ".config.yml"));
        LintConfig c = Files.exists(config) ? LintConfig.load(config) : LintConfig.empty();
        String source = Files.readString(f, StandardCharsets.UTF_8);
        return new Linter(c, TestLinting.rules(f))
                .lintSource(f.getFileName().toString(), source, TestLinting.kind(f), PROJECT);
    }

    static void assertMatches(Path f, List<String> expected, List<String> actual) {
        boolean ok = expected.size() == actual.size();
        for (int i = 0; ok && i < expected.size(); i++) {
            ok = lineMatches(expected.get(i), actual.get(i));
        }
        assertThat(ok)
                .as(
                        "findings of %s%n expected:%n  %s%n actual:%n  %s",
                        f.getFileName(), String.join("\n  ", expected), String.join("\n  ", actual))
                .isTrue();
    }

    static boolean lineMatches(String expected, String actual) {
        if (expected.length() > 1 && expected.startsWith("/") && expected.endsWith("/")) {
            return Pattern.compile(expected.substring(1, expected.length() - 1))
                    .matcher(actual)
                    .matches();
        }
        return expected.equals(actual);
    }

    static Stream<Path> cases(String dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(LINT.resolve(dir))) {
            s.filter(
                            p ->
                                    p.getFileName().toString().matches(".*\\.ya?ml")
                                            && !p.getFileName().toString().endsWith(".config.yml"))
                    .sorted()
                    .forEach(files::add);
        }
        return files.stream();
    }
}
