package dev.pipewright.lint.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token permissions a called workflow may ask for (GitHub: they "can be only downgraded (not
 * elevated) by the called workflow"), and the configuration that supplies other repositories'
 * workflows and the repository default.
 */
class WorkflowCallPermissionsTest {
    static final String REF = "octo/templates/.github/workflows/deploy.yml@v1";

    @TempDir Path tmp;

    private List<String> lint(
            String caller, String called, LintConfig.DefaultTokenPermissions policy)
            throws IOException {
        Path copy = Files.writeString(tmp.resolve("deploy.yml"), called);
        return lintWith(
                LintConfig.empty()
                        .withReusableWorkflows(Map.of(REF, copy))
                        .withDefaultTokenPermissions(policy),
                caller);
    }

    private static List<String> lintWith(LintConfig config, String caller) {
        return new Linter(
                        config,
                        BuiltInRules.all().stream()
                                .filter(r -> r.id().equals("workflow-call"))
                                .toList())
                        .lintSource(
                                ".github/workflows/caller.yml", caller, Linter.Kind.WORKFLOW, null)
                        .stream()
                        .map(f -> f.line() + ":" + f.column() + " " + f.message())
                        .toList();
    }

    private static String caller(String workflowPermissions, String jobPermissions) {
        return "on: push\n"
                + (workflowPermissions == null ? "" : "permissions: " + workflowPermissions + "\n")
                + "jobs:\n  deploy:\n"
                + (jobPermissions == null ? "" : "    permissions: " + jobPermissions + "\n")
                + "    uses: "
                + REF
                + "\n";
    }

    private static String called(String workflowPermissions, String jobPermissions) {
        return "on: workflow_call\n"
                + (workflowPermissions == null ? "" : "permissions: " + workflowPermissions + "\n")
                + "jobs:\n  build:\n    name: Build it\n"
                + (jobPermissions == null ? "" : "    permissions: " + jobPermissions + "\n")
                + "    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";
    }

    @Test
    void aCalledJobAskingForMoreThanTheCallingJobIsReportedAtTheCallingJob() throws IOException {
        assertThat(lint(caller(null, "{actions: read}"), called(null, "{actions: write}"), null))
                .containsExactly(
                        "3:3 job \"Build it\" of reusable workflow \""
                                + REF
                                + "\" asks for actions: write, but the call is only"
                                + " allowed actions: read (the calling job's permissions:); GitHub refuses the call: grant it to the calling job");
    }

    @Test
    void theCallingJobsPermissionsOverrideTheWorkflows() throws IOException {
        assertThat(
                        lint(
                                caller("{actions: read}", "{actions: write}"),
                                called(null, "{actions: write}"),
                                null))
                .isEmpty();
        assertThat(lint(caller("write-all", "{}"), called(null, "{contents: read}"), null))
                .singleElement()
                .asString()
                .contains("contents: read, but the call is only allowed contents: none");
    }

    @Test
    void theCalledWorkflowsOwnPermissionsAreCheckedAsTheWorkflow() throws IOException {
        assertThat(
                        lint(
                                caller("{actions: read}", null),
                                called("{actions: write, contents: read}", null),
                                null))
                .singleElement()
                .asString()
                .startsWith(
                        "4:3 reusable workflow \""
                                + REF
                                + "\" asks for actions: write, contents: read,"
                                + " but the call is only allowed actions: read, contents: none (the calling workflow's permissions:)");
    }

    @Test
    void aCalledJobWithoutPermissionsInheritsAndAsksForNothing() throws IOException {
        assertThat(lint(caller(null, "{}"), called(null, null), null)).isEmpty();
    }

    @Test
    void readAllAndWriteAllStandForEveryScope() throws IOException {
        assertThat(lint(caller(null, "write-all"), called(null, "write-all"), null)).isEmpty();
        assertThat(lint(caller(null, "write-all"), called(null, "read-all"), null)).isEmpty();
        assertThat(lint(caller(null, "read-all"), called(null, "read-all"), null)).isEmpty();
        assertThat(lint(caller(null, "read-all"), called(null, "{pages: write}"), null))
                .singleElement()
                .asString()
                .contains("asks for pages: write, but the call is only allowed pages: read");
        assertThat(lint(caller(null, "{}"), called(null, "read-all"), null))
                .singleElement()
                .asString()
                .contains("asks for actions: read,")
                .contains("id-token: read");
    }

    @Test
    void theRepositoryDefaultDecidesOnlyWhenConfigured() throws IOException {
        String caller = caller(null, null);
        String asksContentsRead = called(null, "{contents: read, packages: read}");
        String asksIssuesWrite = called(null, "{issues: write}");
        String asksIdToken = called(null, "{id-token: write}");
        // unknown default: not checked, whatever is asked for
        assertThat(lint(caller, asksIssuesWrite, null)).isEmpty();
        assertThat(lint(caller, asksContentsRead, LintConfig.DefaultTokenPermissions.RESTRICTED))
                .isEmpty();
        assertThat(lint(caller, asksIssuesWrite, LintConfig.DefaultTokenPermissions.RESTRICTED))
                .singleElement()
                .asString()
                .contains(
                        "issues: write, but the call is only allowed issues: none (the repository's restricted default token permissions)");
        assertThat(lint(caller, asksIssuesWrite, LintConfig.DefaultTokenPermissions.PERMISSIVE))
                .isEmpty();
        assertThat(lint(caller, asksIdToken, LintConfig.DefaultTokenPermissions.PERMISSIVE))
                .singleElement()
                .asString()
                .contains("id-token: write, but the call is only allowed id-token: none");
    }

    @Test
    void aWorkflowRunOnlyByWorkflowCallHasItsCallersTokenNotTheDefault() throws IOException {
        String nested = caller(null, null).replace("on: push", "on: workflow_call");
        assertThat(
                        lint(
                                nested,
                                called(null, "{issues: write}"),
                                LintConfig.DefaultTokenPermissions.RESTRICTED))
                .isEmpty();
        String both = caller(null, null).replace("on: push", "on: [push, workflow_call]");
        assertThat(
                        lint(
                                both,
                                called(null, "{issues: write}"),
                                LintConfig.DefaultTokenPermissions.RESTRICTED))
                .hasSize(1);
    }

    @Test
    void anExpressionOrUnknownPermissionsValueIsNotCompared() throws IOException {
        assertThat(lint(caller(null, "${{ inputs.perms }}"), called(null, "write-all"), null))
                .isEmpty();
        assertThat(
                        lint(
                                caller(null, "{}"),
                                called(
                                        null,
                                        "\n      actions: ${{ inputs.level }}\n      bogus: write"),
                                null))
                .isEmpty();
    }

    @Test
    void aSuppliedCopyGetsTheInputChecksOfALocalCallee() throws IOException {
        String called =
                "on:\n  workflow_call:\n    inputs:\n      env:\n        type: string\n        required: true\n"
                        + "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";
        assertThat(lint(caller(null, null), called, null))
                .singleElement()
                .asString()
                .startsWith(
                        "4:11 missing input \"env\" which reusable workflow \""
                                + REF
                                + "\" requires");
    }

    @Test
    void anUnreadableCopyIsReportedAtTheCall() {
        LintConfig config =
                LintConfig.empty().withReusableWorkflows(Map.of(REF, tmp.resolve("absent.yml")));
        List<Finding> found =
                new Linter(
                                config,
                                BuiltInRules.all().stream()
                                        .filter(r -> r.id().equals("workflow-call"))
                                        .toList())
                        .lintSource(
                                ".github/workflows/caller.yml",
                                caller(null, null),
                                Linter.Kind.WORKFLOW,
                                null);
        assertThat(found)
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .startsWith("cannot read " + tmp.resolve("absent.yml"));
    }

    @Test
    void theConfigurationNamesCopiesRelativeToTheRepositoryRoot() throws IOException {
        Files.createDirectories(tmp.resolve(".github"));
        Path file =
                Files.writeString(
                        tmp.resolve(".github/pipewright-lint.yml"),
                        "default-token-permissions: permissive\nreusable-workflows:\n  "
                                + REF
                                + ": vendor/deploy.yml\n");
        LintConfig c = LintConfig.load(file);
        assertThat(c.defaultTokenPermissions())
                .isEqualTo(LintConfig.DefaultTokenPermissions.PERMISSIVE);
        assertThat(c.reusableWorkflows())
                .containsExactly(Map.entry(REF, tmp.toAbsolutePath().resolve("vendor/deploy.yml")));
    }

    @Test
    void badConfigurationValuesAreRefusedWithTheirPosition() throws IOException {
        Path file = tmp.resolve("lint.yml");
        Files.writeString(file, "default-token-permissions: read\n");
        assertThatThrownBy(() -> LintConfig.load(file))
                .hasMessageStartingWith(
                        file + ":1:28: default-token-permissions must be restricted or permissive");
        Files.writeString(file, "reusable-workflows:\n  octo/templates/deploy.yml: x.yml\n");
        assertThatThrownBy(() -> LintConfig.load(file))
                .hasMessageStartingWith(
                        file
                                + ":2:3: \"octo/templates/deploy.yml\" is not a reusable workflow reference");
        Files.writeString(file, "reusable-workflows: [x.yml]\n");
        assertThatThrownBy(() -> LintConfig.load(file))
                .hasMessageStartingWith(file + ":1:21: reusable-workflows must map");
    }

    static final String NESTED = "octo/templates/.github/workflows/publish.yml@v1";

    private List<String> lintNested(String caller, String level1, String level2)
            throws IOException {
        Path one = Files.writeString(tmp.resolve("deploy.yml"), level1);
        Path two = Files.writeString(tmp.resolve("publish.yml"), level2);
        return lintWith(
                LintConfig.empty().withReusableWorkflows(Map.of(REF, one, NESTED, two)), caller);
    }

    private static String calling(String ref, String workflowPermissions, String jobPermissions) {
        return "on: workflow_call\n"
                + (workflowPermissions == null ? "" : "permissions: " + workflowPermissions + "\n")
                + "jobs:\n  publish:\n"
                + (jobPermissions == null ? "" : "    permissions: " + jobPermissions + "\n")
                + "    uses: "
                + ref
                + "\n";
    }

    @Test
    void aNestedJobMayAskForNoMoreThanTheJobCallingIt() throws IOException {
        // GitHub's case errors-reusable-workflow-job-nested-permissions-not-allowed-job-level-*
        assertThat(
                        lintNested(
                                caller("{actions: write}", null),
                                calling(NESTED, null, "{actions: read}"),
                                called(null, "{actions: write}")))
                .containsExactly(
                        "4:3 job \"Build it\" of reusable workflow \""
                                + NESTED
                                + "\", called by job \"publish\" of reusable workflow \""
                                + REF
                                + "\", asks for actions: write, but the call is only allowed"
                                + " actions: read (the permissions: of job \"publish\" of reusable"
                                + " workflow \""
                                + REF
                                + "\"); GitHub refuses the call: grant it to the calling job");
    }

    @Test
    void aNestedWorkflowIsBoundByTheMiddleWorkflowsPermissionsElseByTheTopCall()
            throws IOException {
        assertThat(
                        lintNested(
                                caller("{actions: write}", null),
                                calling(NESTED, "{actions: read}", null),
                                called("{actions: write}", null)))
                .singleElement()
                .asString()
                .contains("reusable workflow \"" + NESTED + "\", called by job \"publish\"")
                .contains("(the permissions: of reusable workflow \"" + REF + "\")");
        // the middle workflow sets nothing: the nested one inherits the top call's grant
        assertThat(
                        lintNested(
                                caller("{actions: read}", null),
                                calling(NESTED, null, null),
                                called(null, "{actions: write}")))
                .singleElement()
                .asString()
                .contains("(the calling workflow's permissions:)");
        assertThat(
                        lintNested(
                                caller("{actions: write}", null),
                                calling(NESTED, null, null),
                                called(null, "{actions: write}")))
                .isEmpty();
    }

    @Test
    void aNestedCallThatComesBackIsFollowedOnce() throws IOException {
        assertThat(
                        lintNested(
                                caller("{actions: read}", null),
                                calling(NESTED, null, null),
                                calling(REF, null, null)))
                .isEmpty();
    }

    @Test
    void outputsOfAConfiguredCopyAreTyped() throws IOException {
        Path copy =
                Files.writeString(
                        tmp.resolve("deploy.yml"),
                        "on:\n  workflow_call:\n    outputs:\n      url:\n"
                                + "        value: ${{ jobs.build.outputs.url }}\n"
                                + "jobs:\n  build:\n    runs-on: ubuntu-latest\n"
                                + "    outputs:\n      url: x\n    steps:\n      - run: echo hi\n");
        String caller =
                "on: push\njobs:\n  deploy:\n    uses: "
                        + REF
                        + "\n  after:\n    needs: deploy\n    runs-on: ubuntu-latest\n"
                        + "    steps:\n      - run: echo ${{ needs.deploy.outputs.url }} ${{ needs.deploy.outputs.link }}\n";
        List<String> found =
                new Linter(
                                LintConfig.empty().withReusableWorkflows(Map.of(REF, copy)),
                                BuiltInRules.all().stream()
                                        .filter(r -> r.id().equals("expression"))
                                        .toList())
                                .lintSource(
                                        ".github/workflows/caller.yml",
                                        caller,
                                        Linter.Kind.WORKFLOW,
                                        null)
                                .stream()
                                .map(f -> f.line() + " " + f.message())
                                .toList();
        assertThat(found).singleElement().asString().startsWith("9 ").contains("\"link\"");
    }
}
