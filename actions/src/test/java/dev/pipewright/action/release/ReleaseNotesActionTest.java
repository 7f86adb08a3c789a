package dev.pipewright.action.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.MergeCommand;
import org.junit.jupiter.api.Test;

/**
 * release-notes end to end through the simulated runner, on repositories built in the workspace.
 */
class ReleaseNotesActionTest {
    private static final ReleaseNotesAction ACTION = new ReleaseNotesAction();

    private static String notes(SimulatedRunner.Step step) throws Exception {
        return Files.readString(Path.of(step.outputs().get("notes-file")));
    }

    @Test
    void emptyRangeExitsZeroWithNoChangesAndNoFile() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: first");
            repo.tag("v1.0.0", 0);
            SimulatedRunner.Step step = r.input("output-dir", "notes").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.OK);
            assertThat(step.stdout()).contains("no changes since v1.0.0");
            assertThat(step.outputs())
                    .containsEntry("version", "")
                    .containsEntry("previous-version", "1.0.0")
                    .containsEntry("bump", "none")
                    .containsEntry("notes-file", "")
                    .containsEntry("changelog-file", "");
            assertThat(step.summary()).contains("No changes since v1.0.0");
            assertThat(r.workspace().resolve("notes")).doesNotExist();
        }
    }

    @Test
    void onATagPushTheNotesAreThoseOfThePushedTag() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.0.0", 0);
            repo.commit("feat: b");
            repo.tag("v1.1.0", 1);
            SimulatedRunner.Step step = r.env("GITHUB_REF", "refs/tags/v1.1.0").run(ACTION);
            assertThat(step.outputs())
                    .containsEntry("version", "1.1.0")
                    .containsEntry("previous-version", "1.0.0")
                    .containsEntry("bump", "minor")
                    .containsEntry("tag", "v1.1.0");
            assertThat(notes(step)).contains("- B (");
        }
    }

    @Test
    void aReleaseTaggedWithLessThanItsChangesNeedIsWarnedAbout() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.0.0", 0);
            repo.commit("feat!: b");
            repo.tag("v1.1.0", 1);
            SimulatedRunner.Step step = r.input("to", "v1.1.0").run(ACTION);
            assertThat(step.exit()).isZero();
            assertThat(step.outputs())
                    .containsEntry("version", "1.1.0")
                    .containsEntry("bump", "minor");
            assertThat(step.stdout())
                    .contains(
                            "::warning::v1.1.0 is a minor release but the changes since v1.0.0 call for major");
        }
    }

    @Test
    void withoutAPreviousTagTheWholeHistoryIsTheFirstRelease() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: first");
            repo.commit("fix!: second");
            SimulatedRunner.Step step = r.run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.OK);
            assertThat(step.outputs())
                    .containsEntry("version", "0.1.0")
                    .containsEntry("previous-version", "")
                    .containsEntry("bump", "initial")
                    .containsEntry("tag", "v0.1.0");
            assertThat(step.outputs().get("notes-file"))
                    .isEqualTo(
                            r.root()
                                    .resolve("runner_temp/release-notes/RELEASE-NOTES-0.1.0.md")
                                    .toString());
            assertThat(notes(step))
                    .contains("- First ([", "- Second ([", "First release: 2 changes.");
        }
    }

    @Test
    void tagsThatAreNotSemverOrDoNotMatchThePatternAreIgnored() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.4.0", 0);
            repo.commit("fix: b");
            repo.tag("v1.5", 1); // not SemVer
            repo.tag("nightly", 1); // does not match v*
            repo.tag("v01.6.0", 1); // leading zero: not SemVer
            repo.commit("fix: c");
            SimulatedRunner.Step step = r.run(ACTION);
            assertThat(step.outputs())
                    .containsEntry("previous-version", "1.4.0")
                    .containsEntry("version", "1.4.1")
                    .containsEntry("bump", "patch");
            assertThat(notes(step)).contains("- B (", "- C (");
        }
    }

    @Test
    void annotatedTagsAndAnotherPrefix() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.annotatedTag("app/v2.3.4", 0);
            repo.tag("v9.0.0", 0);
            repo.commit("feat(ui): b");
            SimulatedRunner.Step step = r.input("tag-pattern", "app/v*").run(ACTION);
            assertThat(step.outputs())
                    .containsEntry("previous-tag", "app/v2.3.4")
                    .containsEntry("version", "2.4.0")
                    .containsEntry("tag", "app/v2.4.0")
                    .containsEntry("bump", "minor");
        }
    }

    @Test
    void shallowCloneIsBadInputThatSaysFetchDepthZero() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            String id = repo.commit("feat: a");
            Files.writeString(r.workspace().resolve(".git/shallow"), id + "\n");
            SimulatedRunner.Step step = r.run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains(
                            "::error::release-notes: input 'repo':",
                            "shallow clone",
                            "fetch-depth: 0");
            assertThat(step.outputs()).isEmpty();
        }
    }

    @Test
    void notARepositoryAndUnknownRefsAreBadInput() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            Files.createDirectories(r.workspace().resolve("plain"));
            SimulatedRunner.Step step = r.input("repo", "plain").run(ACTION);
            // The temp directory is not inside a repository, so git's upward search finds none.
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout()).contains("input 'repo':");
        }
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            SimulatedRunner.Step step = r.input("from", "v0.9.0").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains("input 'from': 'v0.9.0' not found", "fetch-depth: 0");
        }
    }

    @Test
    void badInputsFailBeforeTheHistoryIsRead() throws Exception {
        String[][] cases = {
            {"initial-version", "1.0", "input 'initial-version': '1.0' is not a semantic version"},
            {
                "groups",
                "Features feat",
                "input 'groups': 'Features feat' is not 'Title: type, type'"
            },
            {
                "variables",
                "vault version=1",
                "input 'variables': 'vault version=1' is not 'name=value'"
            },
            {
                "requirements",
                "Vault 1.18",
                "input 'requirements': 'Vault 1.18' is not 'Name: version'"
            },
            {"github-release", "true", "input 'github-release': needs github-token"},
            {"draft", "yes", "input 'draft': expected true or false, got 'yes'"},
            {"template-dir", "nope", "input 'template-dir': 'nope' is not a directory"},
        };
        for (String[] c : cases) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                SimulatedRunner.Step step = r.input(c[0], c[1]).run(ACTION);
                assertThat(step.exit()).as(c[0]).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(step.stdout()).as(c[0]).contains("::error::release-notes: " + c[2]);
            }
        }
    }

    @Test
    void mergeCommitsAreSkippedUnlessIncluded() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("chore: init");
            repo.tag("v1.0.0", 0);
            repo.git().branchCreate().setName("topic").call();
            repo.commit("fix: on main");
            repo.git().checkout().setName("topic").call();
            repo.commit("feat: on topic");
            repo.git().checkout().setName("main").call();
            repo.git()
                    .merge()
                    .include(repo.git().getRepository().resolve("topic"))
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setMessage("feat: merge topic\n")
                    .call();
            SimulatedRunner.Step step = r.run(ACTION);
            assertThat(step.outputs()).containsEntry("version", "1.1.0");
            assertThat(notes(step)).contains("On main", "On topic").doesNotContain("Merge topic");
            assertThat(step.stdout()).contains("skipped 1 merge commit (");
        }
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("chore: init");
            repo.git().branchCreate().setName("topic").call();
            repo.commit("fix: on main");
            repo.git().checkout().setName("topic").call();
            repo.commit("fix: on topic");
            repo.git().checkout().setName("main").call();
            repo.git()
                    .merge()
                    .include(repo.git().getRepository().resolve("topic"))
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setMessage("feat: merge topic\n")
                    .call();
            SimulatedRunner.Step step =
                    r.input("include-merges", "true").input("initial-version", "1.0.0").run(ACTION);
            assertThat(notes(step)).contains("Merge topic");
        }
    }

    @Test
    void unconventionalCommitsCanBeKeptInOther() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.0.0", 0);
            repo.commit("Update README");
            repo.commit("wip(x): odd type");
            SimulatedRunner.Step step = r.input("keep-unconventional", "true").run(ACTION);
            assertThat(step.outputs()).containsEntry("version", "1.0.1");
            String notes = notes(step);
            assertThat(notes).startsWith("## Other\n");
            assertThat(notes).contains("- Update README (", "- **x:** Odd type (");
        }
    }

    /**
     * The real messages of pipewright-history.json, committed in order; the first one tagged
     * v0.1.0.
     */
    private static void pipewrightHistory(TestRepo repo) throws Exception {
        JsonNode commits =
                new ObjectMapper()
                        .readTree(TestData.resource("release/pipewright-history.json").toFile())
                        .get("commits");
        for (JsonNode c : commits) {
            repo.commit(c.get("message").asText());
        }
        repo.tag("v0.1.0", 0);
    }

    @Test
    void commitTextThatLooksLikeTemplateMarkupIsPrintedAsItIs() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            pipewrightHistory(repo);
            SimulatedRunner.Step step = r.run(ACTION);
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
            assertThat(notes(step))
                    .contains(
                            "## Other\n",
                            "- Follow ${{ env.X }} to attacker-controlled workflow, job and step env (");
            // One line for the four commits left out, not one each.
            assertThat(step.stdout().lines().filter(l -> l.startsWith("skipped")))
                    .singleElement()
                    .asString()
                    .startsWith("skipped 4 commits that are not Conventional Commits: ")
                    .contains(
                            "'YAML reading remembers only anchored nodes",
                            ", …",
                            "keep-unconventional");

            SimulatedRunner.Step kept = r.input("keep-unconventional", "true").run(ACTION);
            assertThat(kept.exit()).as(kept.stdout()).isEqualTo(ExitCode.OK);
            assertThat(notes(kept))
                    .contains(
                            "overprovisioned-secrets checks for ${{ before the case-blind search");
            assertThat(kept.stdout()).doesNotContain("skipped");
        }
    }

    @Test
    void additionalHeadersInTheBodyAreEntriesOfTheirOwnAsInReleasePlease() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: first");
            repo.tag("v1.0.0", 0);
            repo.commit(Files.readString(TestData.resource("release/release-please-footers.txt")));
            SimulatedRunner.Step step = r.run(ACTION);
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
            // The fix carries BREAKING-CHANGE: a major release.
            assertThat(step.outputs()).containsEntry("version", "2.0.0");
            String notes = notes(step);
            assertThat(notes)
                    .contains(
                            "- Adds v4 UUID to crypto (",
                            "- **utils:** Update encode to support unicode (",
                            "- **utils:** Unicode no longer throws exception (",
                            "Encode method no longer throws.");
            assertThat(notes).doesNotContain("PiperOrigin-RevId");
        }
    }

    @Test
    void nothingConventionalMeansNoChanges() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.0.0", 0);
            repo.commit("Update README");
            SimulatedRunner.Step step = r.run(ACTION);
            assertThat(step.exit()).isZero();
            assertThat(step.outputs()).containsEntry("bump", "none");
            assertThat(step.stdout())
                    .contains("skipped", "Update README", "no changes since v1.0.0");
        }
    }

    @Test
    void releaseAsFooterAndPreMajorOptions() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v0.3.0", 0);
            repo.commit("feat!: b");
            assertThat(r.run(ACTION).outputs())
                    .containsEntry("version", "1.0.0")
                    .containsEntry("bump", "major");
        }
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v0.3.0", 0);
            repo.commit("feat!: b");
            assertThat(r.input("bump-minor-pre-major", "true").run(ACTION).outputs())
                    .containsEntry("version", "0.4.0")
                    .containsEntry("bump", "minor");
        }
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v0.3.0", 0);
            repo.commit("feat: b");
            assertThat(r.input("bump-patch-for-minor-pre-major", "true").run(ACTION).outputs())
                    .containsEntry("version", "0.3.1")
                    .containsEntry("bump", "patch");
        }
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.3.0", 0);
            repo.commit("fix: b\n\nrelease-as: 3.0.0-rc.1");
            SimulatedRunner.Step step = r.run(ACTION);
            assertThat(step.outputs())
                    .containsEntry("version", "3.0.0-rc.1")
                    .containsEntry("bump", "major")
                    .containsEntry("tag", "v3.0.0-rc.1");
            assertThat(step.stdout()).contains("set by 'Release-As:'");
        }
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.3.0", 0);
            repo.commit("fix: b\n\nRelease-As: 1.2.0");
            SimulatedRunner.Step step = r.run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains("'Release-As: 1.2.0' is not above the previous version 1.3.0");
        }
    }

    @Test
    void explicitRangeWithFromAndTo() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.0.0", 0);
            repo.commit("feat: b");
            repo.tag("v1.1.0", 1);
            repo.commit("fix: c");
            repo.commit("feat!: d");
            SimulatedRunner.Step step =
                    r.input("from", "v1.0.0").input("to", repo.ids().get(2)).run(ACTION);
            assertThat(step.outputs())
                    .containsEntry("previous-version", "1.0.0")
                    .containsEntry("version", "1.1.0")
                    .containsEntry("bump", "minor");
            assertThat(notes(step)).contains("- B (", "- C (").doesNotContain("- D (", "- A (");
        }
    }

    @Test
    void requirementsAreListedInTheNotesAndTheChangelog() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.0.0", 0);
            repo.commit("fix: b");
            SimulatedRunner.Step step =
                    r.input(
                                    "requirements",
                                    "Vault: 1.18.3 or later\nGo: 1.24 (to build from source)")
                            .input("repository-url", "https://github.com/acme/plugin")
                            .run(ACTION);
            assertThat(step.exit()).as(step.stdout()).isZero();
            assertThat(notes(step))
                    .contains("## Bug Fixes\n\n- B ([")
                    .contains(
                            "\n## Requirements\n\n- **Vault**: 1.18.3 or later\n- **Go**: 1.24 (to build from source)\n\n"
                                    + "**Full changelog**: [v1.0.0...v1.0.1](https://github.com/acme/plugin/compare/v1.0.0...v1.0.1)\n");
            assertThat(Files.readString(Path.of(step.outputs().get("changelog-file"))))
                    .endsWith(
                            "\n### Requirements\n\n- **Vault**: 1.18.3 or later\n- **Go**: 1.24 (to build from source)\n");
        }
    }

    @Test
    void userTemplatesWithVariablesAndBrokenOnesAreBadInput() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.0.0", 0);
            repo.commit("feat: b");
            r.write(
                    "tpl/RELEASE-NOTES.md.ftl",
                    "Requires Vault ${vars.vault_version}+. ${version} has "
                            + "<#list groups as g>${g.title}</#list>.\n");
            SimulatedRunner.Step step =
                    r.input("template-dir", "tpl")
                            .input("variables", "vault_version=1.15")
                            .run(ACTION);
            assertThat(step.exit()).as(step.stdout()).isZero();
            assertThat(notes(step)).isEqualTo("Requires Vault 1.15+. 1.1.0 has Features.\n");
            assertThat(Files.readString(Path.of(step.outputs().get("changelog-file"))))
                    .startsWith("## [1.1.0](");

            r.write("tpl/RELEASE-NOTES.md.ftl", "line one\n${vars.missing}\n");
            step = r.run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains("tpl/RELEASE-NOTES.md.ftl:2:", "(input 'template-dir')");

            r.write("tpl/RELEASE-NOTES.md.ftl", "<#if x>unclosed\n");
            step = r.run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains(
                            "::error::release-notes: tpl/RELEASE-NOTES.md.ftl:1:16: Unexpected end of file reached."
                                    + " You have an unclosed #if. (input 'template-dir')")
                    .contains("(input 'template-dir')\n");
            assertThat(step.stdout().lines().filter(l -> l.startsWith("::error::")).toList())
                    .hasSize(1);

            r.write("tpl/RELEASE-NOTES.md.ftl", "Hello ${undefinedVar}\n");
            step = r.run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains(
                            "::error::release-notes: tpl/RELEASE-NOTES.md.ftl:1:9: undefinedVar is not"
                                    + " defined (input 'template-dir')\n");

            r.write("tpl/RELEASE-NOTES.md.ftl", "See [the docs]( https://example.com/a b).\n");
            step = r.run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains(
                            "rendered Markdown with problems: line 1: link markup that is not a link");
        }
    }

    @Test
    void outputsGoToTheOutputFileOnlyWhenTheRunSucceeds() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.commit("fix: b\n\nRelease-As: banana");
            SimulatedRunner.Step step = r.input("output-dir", "out").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout()).contains("'Release-As: banana' is not a semantic version");
            assertThat(Files.readString(r.outputFile())).isEmpty();
            assertThat(r.workspace().resolve("out")).doesNotExist();
        }
    }

    @Test
    void issueReferencesAndPullRequestNumbersBecomeLinks() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: a");
            repo.tag("v1.0.0", 0);
            repo.commit("fix(api): handle `#1` in names (#123)\n\nCloses #77");
            SimulatedRunner.Step step =
                    r.env("GITHUB_SERVER_URL", "https://github.com").run(ACTION);
            String notes = notes(step);
            assertThat(notes)
                    .contains(
                            "- **api:** Handle `#1` in names ([#123](https://github.com/octo/demo/issues/123)) ([",
                            "— [#77](https://github.com/octo/demo/issues/77)",
                            "**Full changelog**: [v1.0.0...v1.0.1](https://github.com/octo/demo/compare/v1.0.0...v1.0.1)");
            assertThat(MarkdownCheck.problems(notes)).isEmpty();
        }
    }
}
