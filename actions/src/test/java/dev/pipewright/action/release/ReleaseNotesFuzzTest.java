package dev.pipewright.action.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.fuzz.Campaign;
import dev.pipewright.fuzz.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target of release-notes' reading of the git log: commit messages (split from the input at
 * NUL, as {@code git log -z} separates them) are parsed as Conventional Commits and classified. A
 * message is text anybody can push, so nothing may be refused with an exception: a non-conventional
 * message is an "Other" change.
 */
class ReleaseNotesFuzzTest {
    static void log(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<GitCommit> commits = new ArrayList<>();
        int i = 0;
        for (String message : text.split("\u0000", -1)) {
            commits.add(
                    new GitCommit(
                            String.format("%040x", i),
                            message,
                            i % 7 == 6 ? 2 : 1,
                            Instant.ofEpochSecond(i)));
            ConventionalCommit.parse(message);
            i++;
        }
        Changes.classify(commits, Grouping.defaults(), true, true);
        Changes.classify(commits, Grouping.defaults(), false, false);
    }

    /**
     * The shared reference's commits.json (real-world messages) joined with NUL, and each message
     * alone.
     */
    static List<Seeds.Seed> seeds() {
        List<Seeds.Seed> seeds = new ArrayList<>();
        for (Seeds.Seed s :
                Seeds.files(
                        Seeds.shared().resolve("reference/release-notes"),
                        n -> n.equals("commits.json"))) {
            try {
                List<String> messages = new ArrayList<>();
                for (JsonNode c : new ObjectMapper().readTree(s.data())) {
                    messages.add(c.path("message").asText());
                    seeds.add(Seeds.text("commit " + messages.size(), c.path("message").asText()));
                }
                seeds.add(Seeds.text("commits.json log", String.join("\u0000", messages)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        seeds.add(
                Seeds.text(
                        "inline",
                        "feat(api)!: drop v1\n\nBREAKING CHANGE: v1 is gone\nRefs: #1\u0000fix: x\u0000Merge branch 'a'"
                                + "\u0000revert: feat: y\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\u0000chore(deps): bump"));
        return seeds;
    }

    @Test
    void gitLog() {
        assertThat(
                        Campaign.run(
                                        "release-notes-log",
                                        seeds(),
                                        Path.of(
                                                "actions/src/test/resources/fuzz/release-notes-log"),
                                        Campaign.count(200),
                                        ReleaseNotesFuzzTest::log,
                                        t -> false)
                                .failures())
                .isEmpty();
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzLog(byte[] data) {
        log(data);
    }
}
