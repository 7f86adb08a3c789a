package dev.pipewright.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.PipelineRenderer;
import dev.pipewright.stacks.StackPipeline;
import dev.pipewright.testing.DevelopmentImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overrides that add a step (before or after one named by id, or at the end) and add a job; their
 * errors are file:line:col.
 */
class SpecAddOverridesTest {
    @TempDir Path root;

    private static final String HEAD = "stack: node-service\noverrides:\n";

    private static List<String> stepIds(StackPipeline p, String workflow, String job) {
        Workflow w =
                p.workflows().stream()
                        .filter(x -> x.fileName().equals(workflow))
                        .findFirst()
                        .orElseThrow();
        return ((NormalJob) w.job(job)).steps().stream().map(Step::id).toList();
    }

    @Test
    void aStepIsAddedAfterBeforeOrAtTheEndOfAJob() {
        StackPipeline p =
                SpecLoader.parse(
                        HEAD
                                + "  - workflow: ci.yml\n    job: check\n    after: lint\n"
                                + "    add-step: {id: audit, name: npm audit, run: npm audit --audit-level=high}\n"
                                + "  - workflow: ci.yml\n    job: check\n    before: install\n"
                                + "    add-step:\n      id: registry\n      run: npm config set registry \"$REGISTRY\"\n"
                                + "      env: {REGISTRY: 'https://registry.npmjs.org/'}\n"
                                + "  - workflow: ci.yml\n    job: check\n    add-step: {id: size, run: du -sh dist}\n",
                        "p.yml");
        assertThat(stepIds(p, "ci.yml", "check"))
                .containsExactly(
                        "checkout",
                        "setup-node",
                        "registry",
                        "install",
                        "lint",
                        "audit",
                        "typecheck",
                        "test",
                        "upload-coverage",
                        "coverage-gate",
                        "build",
                        "size");
        // a later override may change what an earlier one added, by id
        StackPipeline q =
                SpecLoader.parse(
                        HEAD
                                + "  - {workflow: ci.yml, job: check, after: lint, add-step: {id: audit, run: npm audit}}\n"
                                + "  - {workflow: ci.yml, job: check, step: audit, run: npm audit --omit=dev}\n",
                        "p.yml");
        String yaml = PipelineRenderer.render(q).get(0).content();
        assertThat(yaml).contains("run: npm audit --omit=dev").doesNotContain("run: npm audit\n");
    }

    @Test
    void aJobIsAddedWithTheStacksSafeDefaultsAndLintsClean() throws IOException {
        StackPipeline p =
                SpecLoader.parse(
                        HEAD
                                + "  - workflow: ci.yml\n    job: e2e\n    add-job:\n      name: end-to-end\n      needs: [check]\n"
                                + "      steps:\n"
                                + "        - {id: checkout, uses: actions/checkout@v6.1.0, with: {persist-credentials: false}}\n"
                                + "        - {id: e2e, run: npm run e2e, timeout-minutes: 10}\n",
                        "p.yml");
        List<GeneratedFile> files = PipelineRenderer.render(p);
        String ci =
                files.stream()
                        .filter(f -> f.path().endsWith("ci.yml"))
                        .findFirst()
                        .orElseThrow()
                        .content();
        assertThat(ci)
                .contains(
                        "  e2e:\n    name: end-to-end\n    needs: check\n    runs-on: ubuntu-24.04\n"
                                + "    permissions:\n      contents: read\n    timeout-minutes: 15\n");
        // the action is pinned by the lock like every action a stack writes
        assertThat(ci).containsPattern("uses: actions/checkout@[0-9a-f]{40} # v6\\.1\\.0");
        for (GeneratedFile f : files) {
            Path out = root.resolve(f.path());
            Files.createDirectories(out.getParent());
            Files.writeString(out, f.content(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(root.resolve(".git"));
        List<Finding> findings =
                new Linter(
                                LintConfig.empty(),
                                BuiltInRules.all().stream()
                                        .filter(r -> !r.id().equals("shellcheck"))
                                        .toList())
                        .lintPaths(List.of(root.resolve(".github/workflows")), root).stream()
                                .filter(f -> !DevelopmentImage.isReported(f.rule(), f.message()))
                                .toList();
        assertThat(findings).isEmpty();
    }

    @Test
    void aMistypedAnchorIsReportedAtItsOverrideWithTheClosestId() {
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD
                                                + "  - workflow: ci.yml\n    job: check\n    after: lnt\n"
                                                + "    add-step: {id: audit, run: npm audit}\n",
                                        "p.yml"))
                .hasMessage(
                        "p.yml:3:5: override: job check of ci.yml has no step with id 'lnt' to add 'audit' after;"
                                + " did you mean 'lint'?");
    }

    @Test
    void aRunOverrideOnAStepThatIsNoScriptSaysWhatTheStepDoes() {
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD
                                                + "  - {workflow: ci.yml, job: check, step: setup-node, run: echo}\n",
                                        "p.yml"))
                .hasMessage(
                        "p.yml:3:5: override: step setup-node of job check runs an action; only run steps take"
                                + " run or timeout-minutes overrides");
    }

    @Test
    void addedIdsMustBeNew() {
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD
                                                + "  - {workflow: ci.yml, job: check, add-step: {id: lint, run: x}}\n",
                                        "p.yml"))
                .hasMessage(
                        "p.yml:3:5: override: job check of ci.yml already has a step with id 'lint'; give the"
                                + " added step another id");
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD
                                                + "  - {workflow: ci.yml, job: check, add-job: {steps: [{id: a, run: x}]}}\n",
                                        "p.yml"))
                .hasMessage(
                        "p.yml:3:5: override: ci.yml already has a job 'check'; give the added job another id,"
                                + " or change that job by its id");
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD
                                                + "  - {workflow: ci.yml, job: e2e, add-job: {needs: [chek], steps: [{id: a, run: x}]}}\n",
                                        "p.yml"))
                .hasMessage(
                        "p.yml:3:5: override: added job e2e needs 'chek', which ci.yml does not have; did you mean 'check'?");
    }

    @Test
    void contradictoryOrMalformedAdditionsAreRefusedWhereTheyAreWritten() {
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD
                                                + "  - workflow: ci.yml\n    job: check\n    before: test\n"
                                                + "    after: lint\n    add-step: {id: a, run: x}\n",
                                        "p.yml"))
                .hasMessage(
                        "p.yml:3:5: override of ci.yml › check names both before and after; give one");
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD + "  - {workflow: ci.yml, job: check, after: lint}\n",
                                        "p.yml"))
                .hasMessage("p.yml:3:5: override of ci.yml › check names after without add-step");
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD
                                                + "  - {workflow: ci.yml, job: check, timeout-minutes: 5,"
                                                + " add-step: {id: a, run: x}}\n",
                                        "p.yml"))
                .hasMessageStartingWith(
                        "p.yml:3:5: override of ci.yml › check adds a step and also changes something");
        // neither run nor uses, and both: the schema says so at the step
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD
                                                + "  - workflow: ci.yml\n    job: check\n    add-step:\n"
                                                + "      id: a\n      name: nothing to do\n",
                                        "p.yml"))
                .isInstanceOf(SpecLoader.SpecException.class)
                .hasMessageStartingWith("p.yml:6:7: ");
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD
                                                + "  - workflow: ci.yml\n    job: check\n    add-step:\n"
                                                + "      id: a\n      run: x\n      uses: actions/checkout@v4\n",
                                        "p.yml"))
                .isInstanceOf(SpecLoader.SpecException.class)
                .hasMessageStartingWith("p.yml:6:7: ");
        assertThatThrownBy(
                        () ->
                                SpecLoader.parse(
                                        HEAD
                                                + "  - workflow: ci.yml\n    job: check\n    add-step:\n"
                                                + "      id: a\n      run: x\n      shel: bash\n",
                                        "p.yml"))
                .hasMessageStartingWith("p.yml:8:7: ")
                .hasMessageContaining("shel");
    }
}
