package dev.pipewright.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.fuzz.Seeds;
import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.audit.Persona;
import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.PipelineRenderer;
import dev.pipewright.stacks.StackPipeline;
import dev.pipewright.testing.DevelopmentImage;
import dev.pipewright.testing.OwnLocalActions;
import dev.pipewright.testing.PermissionReasonSteps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every stack with its defaults, and every example's spec, renders workflows that are clean for the
 * pedantic persona (documented permissions, named jobs, no cache in release jobs): the promise
 * holds for stacks no committed example uses (node-service, java-service) too. Set aside, as for
 * the committed files: our image's development tag and self-repository on the calls of our own
 * local actions.
 */
class StackDefaultsPedanticTest {
    /**
     * As SpecFuzzTest: every rule but shellcheck (an external program) and runner-label (the
     * project's own runners).
     */
    private static final Linter LINTER =
            new Linter(
                    LintConfig.empty().withPersona(Persona.PEDANTIC),
                    BuiltInRules.all().stream()
                            .filter(
                                    r ->
                                            !r.id().equals("shellcheck")
                                                    && !r.id().equals("runner-label"))
                            .toList());

    @Test
    void everyStackIsCleanForThePedanticPersona() throws IOException {
        List<String> findings = new ArrayList<>();
        List<String> setAside = new ArrayList<>();
        List<String> linted = new ArrayList<>();
        for (Seeds.Seed seed : SpecFuzzTest.seeds()) {
            StackPipeline p =
                    SpecLoader.parse(
                            new String(seed.data(), StandardCharsets.UTF_8), "pipewright.yml");
            linted.add(seed.name());
            for (Finding f : lint(p)) {
                boolean known =
                        DevelopmentImage.isReported(f.rule(), f.message())
                                || OwnLocalActions.isReported(f.rule(), f.message());
                (known ? setAside : findings).add(seed.name() + ": " + f.format());
            }
        }
        assertThat(linted).contains("node-service-defaults", "java-service-defaults");
        assertThat(setAside)
                .as("the persona is on: our local actions' self-repository is reported")
                .anyMatch(f -> f.endsWith("[self-repository]"));
        assertThat(findings).as("pedantic findings in the stacks' workflows").isEmpty();
    }

    @Test
    void permissionCommentsNameStepsOfTheirJob() {
        List<String> missing = new ArrayList<>();
        int documented = 0;
        for (Seeds.Seed seed : SpecFuzzTest.seeds()) {
            StackPipeline p =
                    SpecLoader.parse(
                            new String(seed.data(), StandardCharsets.UTF_8), "pipewright.yml");
            for (GeneratedFile f : PipelineRenderer.render(p)) {
                missing.addAll(
                        PermissionReasonSteps.missing(seed.name() + "/" + f.path(), f.content()));
                documented += f.content().split("(read|write) # step", -1).length - 1;
            }
        }
        assertThat(documented).as("permission comments that name steps").isGreaterThan(10);
        assertThat(missing).as("steps named by permission comments but not in their job").isEmpty();
    }

    @Test
    void theCheckFindsAStepThatIsNotInTheJob() {
        String yaml =
                """
                jobs:
                  image:
                    permissions:
                      packages: write # steps login and push push the image
                    steps:
                      - id: login
                  other:
                    steps:
                      - id: push
                """;
        assertThat(PermissionReasonSteps.missing("w.yml", yaml))
                .containsExactly("w.yml:4: step push");
    }

    private static List<Finding> lint(StackPipeline p) throws IOException {
        List<GeneratedFile> files = PipelineRenderer.render(p);
        Path root = Files.createTempDirectory("stack-pedantic");
        try {
            Files.createDirectories(root.resolve(".git"));
            for (GeneratedFile f : files) {
                Path out = root.resolve(f.path());
                Files.createDirectories(out.getParent());
                Files.writeString(out, f.content(), StandardCharsets.UTF_8);
            }
            return LINTER.lintPaths(List.of(root.resolve(p.outputDirectory())), root);
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
    }
}
