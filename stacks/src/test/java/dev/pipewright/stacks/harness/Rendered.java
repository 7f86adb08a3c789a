package dev.pipewright.stacks.harness;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.PipelineRenderer;
import dev.pipewright.stacks.Stack;
import dev.pipewright.stacks.StackConfig;
import dev.pipewright.stacks.StackPipeline;
import dev.pipewright.testing.DevelopmentImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stack rendered with one configuration into {@code <root>/generated-workflows/<system>/}, the
 * layout {@link JobHarness} reads, for stacks whose variants (package manager, build tool) no
 * committed example covers.
 */
final class Rendered {
    /** Every rule but shellcheck, an external program the machine may lack. */
    private static final Linter LINTER =
            new Linter(
                    LintConfig.empty(),
                    BuiltInRules.all().stream().filter(r -> !r.id().equals("shellcheck")).toList());

    private Rendered() {}

    /**
     * Writes the files under {@code root} and returns root, for {@code new JobHarness(root, system,
     * …)}.
     */
    static Path write(Path root, String system, Stack stack, StackConfig config)
            throws IOException {
        StackPipeline p =
                new StackPipeline(
                        system, "pipewright.yml", "generated-workflows/" + system, stack, config);
        Files.createDirectories(root.resolve(".git"));
        for (GeneratedFile f : PipelineRenderer.render(p)) {
            Path out = root.resolve(f.path());
            Files.createDirectories(out.getParent());
            Files.writeString(out, f.content(), StandardCharsets.UTF_8);
        }
        return root;
    }

    /**
     * Findings of our linter on what {@link #write} wrote (our image's development tag set aside,
     * as everywhere).
     */
    static List<String> findings(Path root, String system) throws IOException {
        return LINTER
                .lintPaths(List.of(root.resolve("generated-workflows").resolve(system)), root)
                .stream()
                .filter(f -> !DevelopmentImage.isReported(f.rule(), f.message()))
                .map(Finding::format)
                .toList();
    }
}
