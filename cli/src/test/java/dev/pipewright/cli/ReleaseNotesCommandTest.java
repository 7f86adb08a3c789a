package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The fixed CLI contract of {@code pipewright release-notes}. */
class ReleaseNotesCommandTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new PipewrightCommand());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL);
        ActionCommands.addTo(cl, () -> env, () -> dir);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static Path repo(Path where, String... messages) throws Exception {
        try (Git git = Git.init().setDirectory(where.toFile()).setInitialBranch("main").call()) {
            for (int i = 0; i < messages.length; i++) {
                Files.writeString(where.resolve("f" + i + ".txt"), String.valueOf(i));
                git.add().addFilepattern(".").call();
                PersonIdent who =
                        new PersonIdent(
                                "Test",
                                "test@example.com",
                                Instant.parse(String.format("2026-01-%02dT12:00:00Z", i + 1)),
                                ZoneOffset.UTC);
                git.commit()
                        .setMessage(messages[i])
                        .setAuthor(who)
                        .setCommitter(who)
                        .setSign(false)
                        .call();
                if (i == 0) {
                    git.tag().setName("v1.2.0").setAnnotated(false).call();
                }
            }
        }
        return where;
    }

    @Test
    void printsVersionPreviousVersionAndBumpAndWritesBothFiles() throws Exception {
        repo(
                dir.resolve("repo"),
                "chore: initial commit",
                "feat(api): add endpoint",
                "fix!: rename input");
        assertThat(
                        run(
                                "release-notes",
                                "--root",
                                "repo",
                                "--tag-pattern",
                                "v*",
                                "--output-dir",
                                "notes"))
                .isZero();
        assertThat(out.toString())
                .startsWith("version=2.0.0\nprevious-version=1.2.0\nbump=major\ntag=v2.0.0\n");
        assertThat(dir.resolve("notes/CHANGELOG-2.0.0.md"))
                .content()
                .startsWith("## [2.0.0] - 2026-01-03\n")
                .contains("### ⚠ BREAKING CHANGES", "### Features\n\n- **api:** Add endpoint");
        assertThat(dir.resolve("notes/RELEASE-NOTES-2.0.0.md"))
                .content()
                .contains("## Bug Fixes", "Rename input");
        assertThat(err.toString()).contains("v2.0.0 (major from v1.2.0)");
    }

    @Test
    void fromAndToSelectTheRange() throws Exception {
        repo(dir.resolve("repo"), "chore: initial commit", "feat: a", "fix: b");
        assertThat(
                        run(
                                "release-notes",
                                "--root",
                                "repo",
                                "--from",
                                "v1.2.0",
                                "--to",
                                "HEAD~1",
                                "--output-dir",
                                "o"))
                .isZero();
        assertThat(out.toString())
                .contains("version=1.3.0\n", "previous-version=1.2.0\n", "bump=minor\n");
    }

    @Test
    void emptyRangeSaysNoChangesAndWritesNothing() throws Exception {
        repo(dir.resolve("repo"), "chore: initial commit");
        assertThat(run("release-notes", "--root", "repo", "--output-dir", "o")).isZero();
        assertThat(out.toString())
                .contains("version=\n", "previous-version=1.2.0\n", "bump=none\n");
        assertThat(err.toString()).contains("no changes since v1.2.0");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void notARepositoryExitsTwo() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertThat(run("release-notes", "--root", "empty")).isEqualTo(2);
        assertThat(err.toString()).contains("release-notes: input 'repo':");
    }
}
