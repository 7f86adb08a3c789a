package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.bindings.OwnActionUses;
import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.model.ActionRef;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.pipeline.AtomicWriter;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.Pipeline;
import dev.pipewright.pipeline.PipelineRenderer;
import dev.pipewright.stacks.Stages;
import dev.pipewright.stacks.actions.LocalActions;
import dev.pipewright.stacks.actions.PipewrightAttest;
import dev.pipewright.stacks.actions.PipewrightChecksums;
import dev.pipewright.stacks.actions.PipewrightCoverageGate;
import dev.pipewright.stacks.actions.PipewrightHealthGate;
import dev.pipewright.stacks.actions.PipewrightLint;
import dev.pipewright.stacks.actions.PipewrightPromote;
import dev.pipewright.stacks.actions.PipewrightReleaseNotes;
import dev.pipewright.stacks.actions.PipewrightSbom;
import dev.pipewright.stacks.actions.PipewrightSign;
import dev.pipewright.stacks.actions.PipewrightSignKeygen;
import dev.pipewright.stacks.actions.PipewrightVerify;
import dev.pipewright.testing.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published form of our actions ({@code <owner>/pipewright/actions/<id>@<commit> # vX.Y.Z},
 * what generated workflows use once {@code catalog/own-actions.yml} names a release), for every one
 * of our actions: accepted by GitHub's parser and actionlint, clean under our own linter, and
 * needing no vendored action.yml. The bundled pipelines render the vendored form while no release
 * is recorded; {@code ExamplesConformanceTest} covers those.
 */
class PublishedActionsConformanceTest {
    static final String COMMIT = "5f0c4b0d8e1a2b3c4d5e6f708192a3b4c5d6e7f8";
    static final OwnActionUses RELEASE =
            OwnActionUses.released("pipewright/pipewright", "v0.2.0", COMMIT);
    @TempDir static Path root;
    static List<UsesStep> steps;
    static GeneratedFile workflow;
    static List<GeneratedFile> generated;

    @BeforeAll
    static void render() throws IOException {
        String key = "${{ secrets.SIGNING_KEY }}";
        steps =
                List.of(
                        PipewrightAttest.builder(key, "dist/app.jar", "dist/app.spdx.json", "spdx")
                                .uses(RELEASE)
                                .id("attest")
                                .build(),
                        PipewrightChecksums.builder()
                                .uses(RELEASE)
                                .id("checksums")
                                .files("dist/*")
                                .build(),
                        PipewrightCoverageGate.builder("coverage.out")
                                .uses(RELEASE)
                                .id("coverage")
                                .min("80")
                                .build(),
                        PipewrightHealthGate.builder().uses(RELEASE).id("health").build(),
                        PipewrightLint.builder().uses(RELEASE).id("lint").build(),
                        PipewrightPromote.builder(
                                        "staging", "ghcr.io/octo/app@sha256:" + "0".repeat(64))
                                .uses(RELEASE)
                                .id("promote")
                                .build(),
                        PipewrightReleaseNotes.builder().uses(RELEASE).id("notes").build(),
                        PipewrightSbom.builder().uses(RELEASE).id("sbom").build(),
                        PipewrightSign.builder(key, "dist/app.jar")
                                .uses(RELEASE)
                                .id("sign")
                                .build(),
                        PipewrightSignKeygen.builder().uses(RELEASE).id("keygen").build(),
                        PipewrightVerify.builder().uses(RELEASE).id("verify").build());
        NormalJob.Builder job = Stages.job("all", 10).step(Stages.checkout());
        steps.forEach(job::step);
        Workflow w =
                Workflow.builder("published.yml")
                        .name("Published actions")
                        .on(Trigger.workflowDispatch())
                        .permissions(Permissions.none())
                        .job(job.build())
                        .build();
        Pipeline pipeline =
                new Pipeline() {
                    @Override
                    public String id() {
                        return "published";
                    }

                    @Override
                    public String source() {
                        return "PublishedActionsConformanceTest";
                    }

                    @Override
                    public String outputDirectory() {
                        return ".github/workflows";
                    }

                    @Override
                    public List<Workflow> workflows() {
                        return List.of(w);
                    }

                    @Override
                    public Map<String, String> localActions() {
                        return LocalActions.usedBy(workflows());
                    }
                };
        generated = PipelineRenderer.render(pipeline);
        AtomicWriter.write(root, generated);
        workflow =
                generated.stream()
                        .filter(f -> f.path().endsWith("published.yml"))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void everyActionIsUsedFromTheReleaseCommitWithItsTagAsComment() {
        assertThat(steps).hasSize(LocalActions.all().size());
        for (UsesStep s : steps) {
            String id = s.uses().target().substring("pipewright/pipewright/actions/".length());
            assertThat(s.uses())
                    .isEqualTo(
                            ActionRef.pinned(
                                    "pipewright/pipewright/actions/" + id, COMMIT, "v0.2.0"));
            assertThat(LocalActions.all()).containsKey("pipewright-" + id);
            assertThat(workflow.content())
                    .contains(
                            "uses: pipewright/pipewright/actions/"
                                    + id
                                    + "@"
                                    + COMMIT
                                    + " # v0.2.0\n");
        }
    }

    @Test
    void nothingIsVendored() {
        assertThat(generated)
                .extracting(GeneratedFile::path)
                .containsExactly(".github/workflows/published.yml");
        assertThat(workflow.content()).doesNotContain("./.github/actions");
    }

    @Test
    void vendoredStaysAnOptionPerStep() {
        UsesStep vendored = PipewrightSbom.builder().uses(RELEASE).vendored().id("sbom").build();
        assertThat(vendored.uses()).isEqualTo(ActionRef.parse("./.github/actions/pipewright-sbom"));
        Workflow w =
                Workflow.builder("v.yml")
                        .on(Trigger.workflowDispatch())
                        .permissions(Permissions.none())
                        .job(Stages.job("a", 5).step(Stages.checkout()).step(vendored).build())
                        .build();
        assertThat(LocalActions.usedBy(List.of(w))).containsOnlyKeys("pipewright-sbom");
    }

    @Test
    void githubWorkflowParserAcceptsIt() {
        assertThat(Oracles.workflowParser(root.resolve(workflow.path()))).isEmpty();
    }

    @Test
    void actionlintFindsNothing() {
        assertThat(Oracles.actionlint177(root.resolve(workflow.path()))).isEmpty();
    }

    @Test
    void pipewrightLintFindsNothing() throws IOException {
        assertThat(Files.readString(root.resolve(workflow.path()))).isEqualTo(workflow.content());
        assertThat(
                        new Linter(LintConfig.empty())
                                .lintPaths(List.of(root.resolve(workflow.path())), root))
                .extracting(Finding::format)
                .isEmpty();
    }
}
