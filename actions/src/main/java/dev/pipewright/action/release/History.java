package dev.pipewright.action.release;

import dev.pipewright.action.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Reads the commits of a release from a repository with JGit: from the previous release tag (or an
 * explicit {@code from}) to {@code to}, oldest first.
 */
public final class History {
    private static final String FULL_HISTORY =
            "check out the full history: actions/checkout with 'fetch-depth: 0'"
                    + " (a shallow clone has neither the earlier commits nor the tags)";

    /** A release tag: its name, its version and the commit it points at (annotated tags peeled). */
    public record Tag(String name, SemVer version, String commit) {}

    /**
     * What {@link #read} found.
     *
     * @param previous the release before this one, or null for the whole history
     * @param fromRef the given {@code from}, or null
     * @param current the release tag that {@code to} names (notes for an existing release), or null
     * @param commits oldest first
     * @param originUrl the URL of remote {@code origin}, or null
     */
    public record Range(
            Tag previous,
            String fromRef,
            String to,
            Tag current,
            List<GitCommit> commits,
            Instant toTime,
            String originUrl) {}

    private History() {}

    public static Range read(Path dir, String from, String to, TagPattern pattern)
            throws IOException {
        try (Repository repo = open(dir)) {
            if (isShallow(repo)) {
                throw InputException.forInput("repo", dir + " is a shallow clone; " + FULL_HISTORY);
            }
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit toCommit = commit(repo, walk, "to", to);
                Map<String, List<Tag>> tagsByCommit = releaseTags(repo, walk, pattern);
                // Notes of an existing release only when 'to' names its tag; a tagged HEAD has
                // nothing new.
                Tag current = toTag(repo, to, pattern, toCommit);
                Tag previous;
                RevCommit fromCommit = null;
                if (from != null) {
                    fromCommit = commit(repo, walk, "from", from);
                    previous = fromTag(repo, walk, from, fromCommit, tagsByCommit, pattern);
                } else {
                    previous =
                            previousRelease(walk, toCommit, tagsByCommit, current, current != null);
                    if (previous != null) {
                        fromCommit = walk.parseCommit(ObjectId.fromString(previous.commit()));
                    }
                }
                List<GitCommit> commits = commits(repo, toCommit, fromCommit);
                return new Range(
                        previous,
                        from,
                        toCommit.name(),
                        current,
                        commits,
                        Instant.ofEpochSecond(toCommit.getCommitTime()),
                        repo.getConfig().getString("remote", "origin", "url"));
            }
        }
    }

    private static Repository open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw InputException.forInput("repo", dir + " is not a directory");
        }
        FileRepositoryBuilder b =
                new FileRepositoryBuilder().findGitDir(dir.toFile()).setMustExist(true);
        if (b.getGitDir() == null) {
            throw InputException.forInput(
                    "repo",
                    dir + " is not in a git repository; check it out first (" + FULL_HISTORY + ")");
        }
        try {
            return b.build();
        } catch (RepositoryNotFoundException e) {
            throw InputException.forInput(
                    "repo", dir + " is not in a git repository: " + e.getMessage());
        }
    }

    private static boolean isShallow(Repository repo) throws IOException {
        Path shallow = repo.getDirectory().toPath().resolve("shallow");
        if (!Files.isRegularFile(shallow) && repo.getCommonDirectory() != null) {
            shallow = repo.getCommonDirectory().toPath().resolve("shallow");
        }
        return Files.isRegularFile(shallow) && !Files.readString(shallow).isBlank();
    }

    private static RevCommit commit(Repository repo, RevWalk walk, String input, String rev)
            throws IOException {
        if (rev.startsWith("-")) {
            throw InputException.forInput(input, "'" + rev + "' is not a ref");
        }
        ObjectId id;
        try {
            id = repo.resolve(rev + "^{commit}");
        } catch (Exception e) {
            throw InputException.forInput(
                    input, "'" + rev + "' is not a valid revision: " + e.getMessage());
        }
        if (id == null) {
            String hint =
                    Constants.HEAD.equals(rev)
                            ? "the repository has no commits yet"
                            : "no such commit, tag or branch; "
                                    + FULL_HISTORY
                                    + ", or fetch it with 'git fetch --tags'";
            throw InputException.forInput(input, "'" + rev + "' not found: " + hint);
        }
        return walk.parseCommit(id);
    }

    /**
     * Tags whose name matches the pattern and carries a semantic version, by the commit they point
     * at.
     */
    private static Map<String, List<Tag>> releaseTags(
            Repository repo, RevWalk walk, TagPattern pattern) throws IOException {
        Map<String, List<Tag>> out = new HashMap<>();
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            String name = ref.getName().substring(Constants.R_TAGS.length());
            Optional<SemVer> version = pattern.version(name);
            if (version.isEmpty()) {
                continue;
            }
            Ref peeled = repo.getRefDatabase().peel(ref);
            ObjectId target =
                    peeled.getPeeledObjectId() != null
                            ? peeled.getPeeledObjectId()
                            : ref.getObjectId();
            RevCommit c;
            try {
                c = walk.parseCommit(target);
            } catch (IOException notACommit) {
                continue;
            }
            out.computeIfAbsent(c.name(), k -> new ArrayList<>())
                    .add(new Tag(name, version.get(), c.name()));
        }
        return out;
    }

    private static Tag toTag(Repository repo, String to, TagPattern pattern, RevCommit toCommit)
            throws IOException {
        String name =
                to.startsWith(Constants.R_TAGS) ? to.substring(Constants.R_TAGS.length()) : to;
        if (repo.exactRef(Constants.R_TAGS + name) == null) {
            return null;
        }
        return pattern.version(name).map(v -> new Tag(name, v, toCommit.name())).orElse(null);
    }

    /**
     * The highest-precedence release reachable from {@code to}, below {@code current} when given;
     * tags on {@code to} itself count unless {@code excludeTo}.
     */
    private static Tag previousRelease(
            RevWalk walk, RevCommit to, Map<String, List<Tag>> tags, Tag current, boolean excludeTo)
            throws IOException {
        if (tags.isEmpty()) {
            return null;
        }
        walk.reset();
        walk.markStart(walk.parseCommit(to));
        List<Tag> reachable = new ArrayList<>();
        for (RevCommit c : walk) {
            if (!excludeTo || !c.name().equals(to.name())) {
                reachable.addAll(tags.getOrDefault(c.name(), List.of()));
            }
        }
        walk.reset();
        return highest(reachable, current == null ? null : current.version());
    }

    private static Tag highest(List<Tag> tags, SemVer below) {
        Tag best = null;
        for (Tag t : tags) {
            if (below != null && SemVer.PRECEDENCE.compare(t.version(), below) >= 0) {
                continue;
            }
            if (best == null || t.version().compareTo(best.version()) > 0) {
                best = t;
            }
        }
        return best;
    }

    private static Tag fromTag(
            Repository repo,
            RevWalk walk,
            String from,
            RevCommit fromCommit,
            Map<String, List<Tag>> tags,
            TagPattern pattern)
            throws IOException {
        Optional<SemVer> named =
                pattern.version(
                        from.startsWith(Constants.R_TAGS)
                                ? from.substring(Constants.R_TAGS.length())
                                : from);
        if (named.isPresent()) {
            return new Tag(from, named.get(), fromCommit.name());
        }
        // A commit or branch: the release it contains is the previous version.
        return max(
                highest(tags.getOrDefault(fromCommit.name(), List.of()), null),
                previousRelease(walk, fromCommit, tags, null, false));
    }

    private static Tag max(Tag a, Tag b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.version().compareTo(b.version()) >= 0 ? a : b;
    }

    // A walk of its own: the tag search parsed commits without their bodies.
    private static List<GitCommit> commits(Repository repo, RevCommit to, RevCommit from)
            throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(to));
            if (from != null) {
                walk.markUninteresting(walk.parseCommit(from));
            }
            List<GitCommit> out = new ArrayList<>();
            for (RevCommit c : walk) {
                out.add(
                        new GitCommit(
                                c.name(),
                                c.getFullMessage(),
                                c.getParentCount(),
                                Instant.ofEpochSecond(c.getCommitTime())));
            }
            return out;
        }
    }
}
