package dev.pipewright.action.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our parser, grouping, breaking section and bump against the stored oracles of
 * shared/reference/release-notes: git-cliff 2.14.2's context, changelog and bumped version,
 * and @conventional-commits/parser 0.4.1's results. Where we differ from git-cliff it is because
 * git-cliff is wrong by the spec; each difference is asserted here.
 */
class ReferenceOracleTest {
    private static final ReleaseNotesAction ACTION = new ReleaseNotesAction();

    @TempDir Path tmp;

    @Test
    void parserAgreesWithTheReferenceImplementationOnEveryMessage() throws Exception {
        for (JsonNode expected : SharedFixture.json("parsed.cc-parser.json")) {
            String message = expected.get("message").asText();
            ConventionalCommit.Parsed p = ConventionalCommit.parse(message);
            assertThat(p.conventional())
                    .as(message)
                    .isEqualTo(expected.get("conventional").asBoolean());
            if (!p.conventional()) {
                assertThat(p.error()).as(message).isNotBlank();
                continue;
            }
            ConventionalCommit c = p.commit();
            assertThat(c.type()).as(message).isEqualTo(expected.get("type").asText());
            assertThat(c.scope())
                    .as(message)
                    .isEqualTo(
                            expected.get("scope").isNull() ? null : expected.get("scope").asText());
            assertThat(c.description()).as(message).isEqualTo(expected.get("subject").asText());
            assertThat(c.breaking()).as(message).isEqualTo(expected.get("breaking").asBoolean());
            List<String> notes = new ArrayList<>();
            expected.get("notes").forEach(n -> notes.add(n.get("text").asText()));
            assertThat(
                            c.breakingDescription() == null
                                    ? List.of()
                                    : List.of(c.breakingDescription()))
                    .as(message)
                    .isEqualTo(notes);
            List<String> refs = new ArrayList<>();
            expected.get("references").forEach(r -> refs.add(r.asText()));
            assertThat(c.references()).as(message).isEqualTo(refs);
        }
    }

    @Test
    void recreatedRepositoryHasTheFixturesCommitIds() throws Exception {
        JsonNode context = SharedFixture.json("context.v2.0.0.json");
        try (TestRepo repo = SharedFixture.create(tmp.resolve("repo"), true)) {
            assertThat(repo.ids().get(0)).isEqualTo(SharedFixture.FIRST_COMMIT);
            List<String> cliffIds = new ArrayList<>();
            context.get(0).get("commits").forEach(c -> cliffIds.add(c.get("id").asText()));
            assertThat(repo.ids()).containsAll(cliffIds);
        }
    }

    @Test
    void groupsMatchGitCliffExceptUpperCaseTypes() throws Exception {
        JsonNode release = SharedFixture.json("context.v2.0.0.json").get(0);
        try (TestRepo repo = SharedFixture.create(tmp.resolve("repo"), true)) {
            History.Range range =
                    History.read(repo.dir(), null, "v2.0.0", TagPattern.parse("tag-pattern", "v*"));
            assertThat(range.previous().name()).isEqualTo("v1.2.0");
            assertThat(range.current().name()).isEqualTo("v2.0.0");
            Changes changes = Changes.classify(range.commits(), Grouping.defaults(), false, false);

            Map<String, String> ours = new LinkedHashMap<>();
            changes.changes().forEach(c -> ours.put(c.commit().id(), c.group()));
            Map<String, String> cliff = new LinkedHashMap<>();
            Map<String, Boolean> cliffBreaking = new LinkedHashMap<>();
            for (JsonNode c : release.get("commits")) {
                cliff.put(
                        c.get("id").asText(),
                        c.get("group").asText().replaceFirst("^<!-- \\d+ -->", ""));
                cliffBreaking.put(c.get("id").asText(), c.get("breaking").asBoolean());
            }
            // Same commits: the merge-like summary and 'feat :' are not conventional for either of
            // us.
            assertThat(ours.keySet()).containsExactlyElementsOf(cliff.keySet());
            assertThat(changes.unconventional()).isEqualTo(2);

            String upper = repo.ids().get(10);
            // Difference 1, by the spec (types are case-insensitive): 'FEAT(Scope):' is a feature,
            // which git-cliff's
            // case-sensitive '^feat' parser misses, leaving it in a group named after the raw type.
            assertThat(cliff.get(upper)).isEqualTo("FEAT");
            assertThat(ours.get(upper)).isEqualTo("Features");
            Map<String, String> cliffFixed = new LinkedHashMap<>(cliff);
            cliffFixed.put(upper, "Features");
            assertThat(ours).isEqualTo(cliffFixed);

            Map<String, Boolean> ourBreaking = new LinkedHashMap<>();
            changes.changes().forEach(c -> ourBreaking.put(c.commit().id(), c.breaking()));
            assertThat(ourBreaking).isEqualTo(cliffBreaking);
            for (JsonNode c : release.get("commits")) {
                Change ourChange =
                        changes.changes().stream()
                                .filter(x -> x.commit().id().equals(c.get("id").asText()))
                                .findFirst()
                                .orElseThrow();
                assertThat(ourChange.breakingDescription())
                        .as(c.get("raw_message").asText())
                        .isEqualTo(
                                c.get("breaking_description").isNull()
                                        ? null
                                        : c.get("breaking_description").asText());
                assertThat(ourChange.description()).isEqualTo(c.get("message").asText());
                assertThat(ourChange.scope())
                        .isEqualTo(c.get("scope").isNull() ? null : c.get("scope").asText());
            }
        }
    }

    @Test
    void bumpFromV120IsMajorLikeGitCliffsBumpedVersion() throws Exception {
        String bumped = Files.readString(SharedFixture.file("bumped-version.txt")).strip();
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = SharedFixture.create(r.workspace(), false)) {
            SimulatedRunner.Step step = r.run(ACTION);
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
            assertThat(step.outputs())
                    .containsEntry("version", "2.0.0")
                    .containsEntry("previous-version", "1.2.0")
                    .containsEntry("bump", "major")
                    .containsEntry("tag", bumped)
                    .containsEntry("previous-tag", "v1.2.0");
        }
    }

    @Test
    void changelogHasGitCliffsSectionsAndEntriesWithUpperCaseTypeMerged() throws Exception {
        String cliff = Files.readString(SharedFixture.file("CHANGELOG.v2.0.0.md"));
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = SharedFixture.create(r.workspace(), true)) {
            // No repository URL: entries without links, comparable line by line with git-cliff's.
            r.env("GITHUB_REPOSITORY", null);
            SimulatedRunner.Step step =
                    r.input("output-dir", "out").input("to", "v2.0.0").run(ACTION);
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
            assertThat(step.outputs())
                    .containsEntry("version", "2.0.0")
                    .containsEntry("bump", "major")
                    .containsEntry("tag", "v2.0.0");
            String ours = Files.readString(r.workspace().resolve("out/CHANGELOG-2.0.0.md"));
            assertThat(ours).startsWith("## [2.0.0] - 2026-01-13\n");
            assertThat(sections(ours))
                    .containsExactly(
                            "⚠ BREAKING CHANGES",
                            "Features",
                            "Bug Fixes",
                            "Performance",
                            "Refactor",
                            "Documentation",
                            "Revert",
                            "Miscellaneous Tasks");
            // git-cliff has the same sections (less our breaking section first) plus 'FEAT' for the
            // upper-case type.
            assertThat(sections(cliff))
                    .containsExactly(
                            "Features",
                            "Bug Fixes",
                            "Performance",
                            "Refactor",
                            "Documentation",
                            "Revert",
                            "Miscellaneous Tasks",
                            "FEAT");
            Map<String, List<String>> cliffEntries = entries(cliff);
            List<String> features = new ArrayList<>(cliffEntries.remove("Features"));
            features.addAll(cliffEntries.remove("FEAT"));
            cliffEntries.put("Features", features);
            Map<String, List<String>> ourEntries = entries(ours);
            ourEntries.remove("⚠ BREAKING CHANGES");
            assertThat(ourEntries).containsExactlyInAnyOrderEntriesOf(cliffEntries);
            // Breaking changes first, with the text of their BREAKING CHANGE footer (git-cliff's
            // breaking_description).
            assertThat(entries(ours).get("⚠ BREAKING CHANGES"))
                    .containsExactly(
                            "- Drop Java 11 support",
                            "- **sbom:** The default SBOM format is now CycloneDX instead of SPDX",
                            "- Renamed input `min-coverage` to `min-line-coverage`");
        }
    }

    private static List<String> sections(String md) {
        return md.lines().filter(l -> l.startsWith("### ")).map(l -> l.substring(4)).toList();
    }

    /** Section → entry lines, with our commit links removed. */
    private static Map<String, List<String>> entries(String md) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String section = null;
        for (String line : md.lines().toList()) {
            if (line.startsWith("### ")) {
                section = line.substring(4);
                out.put(section, new ArrayList<>());
            } else if (line.startsWith("- ") && section != null) {
                out.get(section).add(line.replaceFirst(" \\(\\[[0-9a-f]{7}]\\([^)]*\\)\\)$", ""));
            }
        }
        return out;
    }
}
