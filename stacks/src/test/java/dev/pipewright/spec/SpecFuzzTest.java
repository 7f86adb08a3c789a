package dev.pipewright.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipewright.fuzz.Campaign;
import dev.pipewright.fuzz.Seeds;
import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.PipelineRenderer;
import dev.pipewright.stacks.Parameter;
import dev.pipewright.stacks.Stack;
import dev.pipewright.stacks.StackPipeline;
import dev.pipewright.stacks.Stacks;
import dev.pipewright.testing.DevelopmentImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target of {@code pipewright.yml}: a spec is accepted or refused with {@link
 * SpecLoader.SpecException}s that are all {@code pipewright.yml:line:col: ...}; and a spec that is
 * accepted renders workflows that lint clean under every rule (security audits included), as the
 * repository's own generated files do.
 */
class SpecFuzzTest {
    /**
     * Rendered sets already linted: most accepted mutations change nothing that reaches a workflow.
     */
    private static final Set<Integer> LINTED = new HashSet<>();

    /**
     * Every rule but shellcheck (an external program) and runner-label: an override's runs-on names
     * the project's own runners, which its lint configuration lists under self-hosted-runner.labels
     * and a spec cannot know.
     */
    private static final Linter LINTER =
            new Linter(
                    LintConfig.empty(),
                    BuiltInRules.all().stream()
                            .filter(
                                    r ->
                                            !r.id().equals("shellcheck")
                                                    && !r.id().equals("runner-label"))
                            .toList());

    static void spec(byte[] data) throws IOException {
        StackPipeline p =
                SpecLoader.parse(new String(data, StandardCharsets.UTF_8), "pipewright.yml");
        List<GeneratedFile> files = PipelineRenderer.render(p);
        if (!LINTED.add(files.hashCode())) {
            return;
        }
        Path root = Files.createTempDirectory("spec-fuzz");
        try {
            Files.createDirectories(root.resolve(".git"));
            for (GeneratedFile f : files) {
                Path out = root.resolve(f.path());
                Files.createDirectories(out.getParent());
                Files.writeString(out, f.content(), StandardCharsets.UTF_8);
            }
            List<Finding> findings =
                    LINTER.lintPaths(List.of(root.resolve(p.outputDirectory())), root).stream()
                            .filter(f -> !DevelopmentImage.isReported(f.rule(), f.message()))
                            .toList();
            if (!findings.isEmpty()) {
                throw new AssertionError(
                        "an accepted spec generated workflows with findings: "
                                + findings.stream().limit(5).map(Finding::format).toList());
            }
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
    }

    static boolean located(Throwable t) {
        return t instanceof SpecLoader.SpecException e
                && !e.problems().isEmpty()
                && e.problems().stream()
                        .allMatch(p -> p.matches("(?s)pipewright\\.yml:\\d+:\\d+: .+"));
    }

    /**
     * The examples' specs, and for every stack a spec that sets each parameter to its default (or
     * its example).
     */
    static List<Seeds.Seed> seeds() {
        List<Seeds.Seed> seeds =
                new ArrayList<>(Seeds.files(Path.of("examples"), n -> n.equals("pipewright.yml")));
        for (Stack s : Stacks.all()) {
            StringBuilder b =
                    new StringBuilder("stack: ")
                            .append(s.id())
                            .append("\noutput: .github/workflows\nparameters:\n");
            for (Parameter<?> p : s.parameters()) {
                b.append("  ")
                        .append(p.name())
                        .append(": ")
                        .append(yaml(p.required() ? p.example() : p.defaultValue()))
                        .append('\n');
            }
            seeds.add(Seeds.text(s.id() + "-defaults", b.toString()));
        }
        seeds.add(
                Seeds.text(
                        "k8s-controller-overrides",
                        "stack: k8s-controller\n"
                                + "parameters:\n  image: ghcr.io/${{ vars.GHCR_OWNER }}/timewindow-controller\noverrides:\n"
                                + "  - workflow: ci.yml\n    job: lint\n    step: gofmt\n    run: gofmt -l . | tee /dev/stderr | wc -l\n"
                                + "  - workflow: ci.yml\n    job: lint\n    timeout-minutes: 20\n    runs-on: ubuntu-24.04\n"));
        return seeds;
    }

    private static String yaml(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(SpecFuzzTest::yaml).toList().toString();
        }
        return v instanceof String s
                ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                : String.valueOf(v);
    }

    @Test
    void specs() {
        assertThat(
                        Campaign.run(
                                        "spec",
                                        seeds(),
                                        Path.of("stacks/src/test/resources/fuzz/spec"),
                                        Campaign.count(60),
                                        SpecFuzzTest::spec,
                                        SpecFuzzTest::located)
                                .failures())
                .isEmpty();
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzSpec(byte[] data) throws IOException {
        try {
            spec(data);
        } catch (SpecLoader.SpecException e) {
            if (!located(e)) {
                throw e;
            }
        }
    }
}
