package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipewright.fuzz.Campaign;
import dev.pipewright.fuzz.Seeds;
import dev.pipewright.lint.rule.BuiltInRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets of the linter's inputs: workflows, action metadata and the lint configuration. A
 * workflow or action is never refused: every problem is a finding, no finding is an {@code
 * internal-error}, and linting the same text twice gives the same findings. A bad configuration is
 * an IllegalArgumentException naming file, line and column.
 *
 * <p>The {@code @Test}s replay the seeds (fixtures and the shared corpus), the crashers under
 * {@code src/test/resources/fuzz/} and a few hundred mutations in every build; {@code
 * -Dfuzz.count=10000} runs a campaign. The {@code @FuzzTest}s are the same targets for Jazzer's
 * coverage-guided mode (docs/reliability.md).
 */
class LintFuzzTest {
    /**
     * Every rule but those that run an external program (shellcheck): a process per input measures
     * that program.
     */
    private static final Linter LINTER =
            new Linter(
                    LintConfig.empty(),
                    BuiltInRules.all().stream()
                            .filter(r -> !TestLinting.EXTERNAL.containsKey(r.id()))
                            .toList());

    private static Path dir;
    private static int calls;

    @BeforeAll
    static void tempDir() throws IOException {
        dir = Files.createTempDirectory("lint-fuzz");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    static void lint(byte[] data, Linter.Kind kind) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<Finding> first = LINTER.lintSource("f.yml", text, kind, null);
        if (Linter.hasInternalError(first)) {
            throw new AssertionError(
                    first.stream()
                            .filter(f -> f.rule().equals(Linter.INTERNAL_ERROR))
                            .findFirst()
                            .orElseThrow()
                            .format());
        }
        // determinism is checked on every fourth input: linting twice doubles the replay's time
        if (++calls % 4 != 0) {
            return;
        }
        List<Finding> second = LINTER.lintSource("f.yml", text, kind, null);
        if (!first.equals(second)) {
            throw new AssertionError(
                    "linting the same text twice gave different findings: "
                            + first
                            + " / "
                            + second);
        }
    }

    static void config(byte[] data) throws IOException {
        Path file = dir.resolve("pipewright-lint.yml");
        Files.write(file, data);
        LintConfig.load(file);
    }

    private static boolean locatedConfigError(Throwable t) {
        return t instanceof IllegalArgumentException
                && t.getMessage() != null
                && t.getMessage().startsWith(dir.resolve("pipewright-lint.yml") + ":")
                && Campaign.located(t.getMessage());
    }

    static List<Seeds.Seed> workflowSeeds() {
        List<Seeds.Seed> seeds =
                new ArrayList<>(
                        Seeds.files(
                                Path.of("linter/src/test/resources/lint"),
                                n ->
                                        (n.endsWith(".yml") || n.endsWith(".yaml"))
                                                && !n.contains("action")
                                                && !n.contains("config")));
        seeds.addAll(Seeds.files(Seeds.shared().resolve("corpus/workflows"), n -> true));
        return seeds;
    }

    static List<Seeds.Seed> actionSeeds() {
        List<Seeds.Seed> seeds =
                new ArrayList<>(
                        Seeds.files(
                                Path.of("linter/src/test/resources/lint"),
                                n -> n.contains("action")));
        seeds.addAll(
                Seeds.files(Path.of("actions/src/main/resources"), n -> n.equals("action.yml")));
        seeds.addAll(Seeds.files(Seeds.shared().resolve("corpus/actions"), n -> true));
        return seeds;
    }

    static List<Seeds.Seed> configSeeds() {
        List<Seeds.Seed> seeds =
                new ArrayList<>(
                        Seeds.files(
                                Path.of("linter/src/test/resources/lint"),
                                n -> n.endsWith(".config.yml")));
        seeds.add(
                Seeds.text(
                        "inline",
                        "self-hosted-runner:\n  labels: [linux-arm64, \"gpu-*\"]\nconfig-variables: [ENV]\n"
                                + "ignore:\n  - rule: expression\n    path: .github/workflows/*.yml\n    message: \"^unknown\"\naudits:\n  cache-poisoning: off\n"));
        return seeds;
    }

    @Test
    void workflows() {
        assertThat(
                        Campaign.run(
                                        "lint-workflow",
                                        workflowSeeds(),
                                        Path.of("linter/src/test/resources/fuzz/lint-workflow"),
                                        Campaign.count(100),
                                        d -> lint(d, Linter.Kind.WORKFLOW),
                                        t -> false)
                                .failures())
                .isEmpty();
    }

    @Test
    void actionMetadata() {
        assertThat(
                        Campaign.run(
                                        "lint-action",
                                        actionSeeds(),
                                        Path.of("linter/src/test/resources/fuzz/lint-action"),
                                        Campaign.count(100),
                                        d -> lint(d, Linter.Kind.ACTION),
                                        t -> false)
                                .failures())
                .isEmpty();
    }

    @Test
    void lintConfig() {
        assertThat(
                        Campaign.run(
                                        "lint-config",
                                        configSeeds(),
                                        Path.of("linter/src/test/resources/fuzz/lint-config"),
                                        Campaign.count(100),
                                        LintFuzzTest::config,
                                        LintFuzzTest::locatedConfigError)
                                .failures())
                .isEmpty();
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzWorkflow(byte[] data) {
        lint(data, Linter.Kind.WORKFLOW);
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzAction(byte[] data) {
        lint(data, Linter.Kind.ACTION);
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzConfig(byte[] data) {
        try {
            config(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            if (!locatedConfigError(e)) {
                throw e;
            }
        }
    }
}
