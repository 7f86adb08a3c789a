package dev.pipewright.action.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Builds small repositories the way shared/reference/release-notes/README.md recreates its fixture:
 * commit i writes {@code f<i>.txt} containing {@code i}, author and committer {@code Test
 * <test@example.com>} at 2026-01-(i+1)T12:00:00Z, so commit ids are the same as git's.
 */
final class TestRepo implements AutoCloseable {
    private final Git git;
    private final Path dir;
    private final List<String> ids = new ArrayList<>();

    private TestRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    static TestRepo init(Path dir) throws GitAPIException {
        return new TestRepo(
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    Path dir() {
        return dir;
    }

    Git git() {
        return git;
    }

    List<String> ids() {
        return ids;
    }

    /**
     * Commits the next file with {@code message} (cleaned up like {@code git commit -m}); returns
     * the id.
     */
    String commit(String message) throws IOException, GitAPIException {
        int i = ids.size();
        Files.writeString(dir.resolve("f" + i + ".txt"), String.valueOf(i), StandardCharsets.UTF_8);
        git.add().addFilepattern(".").call();
        PersonIdent who =
                new PersonIdent(
                        "Test",
                        "test@example.com",
                        Instant.parse(String.format("2026-01-%02dT12:00:00Z", i + 1)),
                        ZoneOffset.UTC);
        RevCommit c =
                git.commit()
                        .setMessage(message.strip() + "\n")
                        .setAuthor(who)
                        .setCommitter(who)
                        .setSign(false)
                        .call();
        ids.add(c.name());
        return c.name();
    }

    /** A lightweight tag on commit {@code index}. */
    void tag(String name, int index) throws IOException, GitAPIException {
        try (var walk = new RevWalk(git.getRepository())) {
            git.tag()
                    .setName(name)
                    .setAnnotated(false)
                    .setObjectId(walk.parseCommit(git.getRepository().resolve(ids.get(index))))
                    .call();
        }
    }

    /** An annotated tag on commit {@code index}. */
    void annotatedTag(String name, int index) throws IOException, GitAPIException {
        try (var walk = new RevWalk(git.getRepository())) {
            PersonIdent who =
                    new PersonIdent(
                            "Test",
                            "test@example.com",
                            Instant.parse("2026-02-01T00:00:00Z"),
                            ZoneOffset.UTC);
            git.tag()
                    .setName(name)
                    .setAnnotated(true)
                    .setMessage("release " + name)
                    .setTagger(who)
                    .setObjectId(walk.parseCommit(git.getRepository().resolve(ids.get(index))))
                    .call();
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
