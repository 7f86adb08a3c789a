package dev.pipewright.action.promote;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.GHCommit;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHTreeBuilder;
import org.kohsuke.github.GHTreeEntry;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/**
 * The promotion pull request through the git data API: all files in one commit on the environment's
 * branch, and one pull request per branch, updated in place on later runs (a 422 "already exists"
 * from a concurrent run is an update too). A branch with an open pull request gets a new commit on
 * top, or none when it already has the content.
 */
final class PullRequest {
    /** created, updated or none; number and URL are empty for none without an open pull request. */
    record Result(String operation, String number, String url, String commit) {}

    record Request(
            String repository,
            String base,
            String branch,
            String title,
            String body,
            String message,
            Map<String, String> files,
            List<String> labels) {
        Request {
            files = Map.copyOf(files);
            labels = List.copyOf(labels);
        }
    }

    private PullRequest() {}

    static Result open(String apiUrl, String token, Request req) throws IOException {
        GitHub gh = new GitHubBuilder().withEndpoint(apiUrl).withOAuthToken(token).build();
        GHRepository repo = gh.getRepository(req.repository());
        String baseSha = repo.getRef("heads/" + req.base()).getObject().getSha();
        GHRef branch = ref(repo, "heads/" + req.branch());
        GHPullRequest existing = find(repo, req);
        if (upToDate(repo, baseSha, req.files())) {
            // The base already runs this release (an earlier promotion was merged): nothing to
            // propose.
            return existing == null
                    ? new Result("none", "", "", "")
                    : new Result("none", String.valueOf(existing.getNumber()), url(existing), "");
        }
        // With an open pull request the branch is built on (never force-pushed); a branch left over
        // from a merged or
        // closed one is restarted from the base so its pull request shows only this promotion.
        boolean reuse = branch != null && existing != null;
        String parent = reuse ? branch.getObject().getSha() : baseSha;
        String commit = null;
        if (!reuse || !upToDate(repo, parent, req.files())) {
            GHTreeBuilder tb = repo.createTree().baseTree(parent);
            req.files().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(f -> tb.add(f.getKey(), f.getValue(), false));
            GHTree tree = tb.create();
            GHCommit created =
                    repo.createCommit()
                            .message(req.message())
                            .tree(tree.getSha())
                            .parent(parent)
                            .create();
            commit = created.getSHA1();
            if (branch == null) {
                repo.createRef("refs/heads/" + req.branch(), commit);
            } else {
                branch.updateTo(commit, !reuse);
            }
        }
        if (existing != null) {
            if (commit == null
                    && req.body().equals(existing.getBody())
                    && req.title().equals(existing.getTitle())) {
                return new Result("none", String.valueOf(existing.getNumber()), url(existing), "");
            }
            return updated(existing, req, commit);
        }
        GHPullRequest pr;
        try {
            pr = repo.createPullRequest(req.title(), req.branch(), req.base(), req.body());
        } catch (HttpException e) {
            if (e.getResponseCode() != 422
                    || !String.valueOf(e.getMessage()).contains("already exists")) {
                throw e;
            }
            // Opened by a concurrent run, or not listed yet: update that one instead of failing.
            GHPullRequest raced = find(repo, req);
            if (raced == null) {
                throw e;
            }
            return updated(raced, req, commit);
        }
        if (!req.labels().isEmpty()) {
            pr.addLabels(req.labels().toArray(String[]::new));
        }
        return new Result(
                "created", String.valueOf(pr.getNumber()), url(pr), commit == null ? "" : commit);
    }

    private static Result updated(GHPullRequest pr, Request req, String commit) throws IOException {
        if (!req.title().equals(pr.getTitle())) {
            pr.setTitle(req.title());
        }
        if (!req.body().equals(pr.getBody())) {
            pr.setBody(req.body());
        }
        if (!req.labels().isEmpty()) {
            pr.addLabels(req.labels().toArray(String[]::new));
        }
        return new Result(
                "updated", String.valueOf(pr.getNumber()), url(pr), commit == null ? "" : commit);
    }

    private static GHPullRequest find(GHRepository repo, Request req) throws IOException {
        String owner = req.repository().substring(0, req.repository().indexOf('/'));
        List<GHPullRequest> open =
                repo.queryPullRequests()
                        .state(GHIssueState.OPEN)
                        .head(owner + ":" + req.branch())
                        .base(req.base())
                        .list()
                        .withPageSize(5)
                        .toList();
        return open.isEmpty() ? null : open.get(0);
    }

    private static GHRef ref(GHRepository repo, String name) throws IOException {
        try {
            return repo.getRef(name);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /**
     * Whether every file already has this content in the commit's tree (compared by git blob id, no
     * download).
     */
    private static boolean upToDate(GHRepository repo, String commitSha, Map<String, String> files)
            throws IOException {
        GHTree tree = repo.getTreeRecursive(commitSha, 1);
        for (Map.Entry<String, String> f : files.entrySet()) {
            GHTreeEntry e = tree.getEntry(f.getKey());
            if (e == null || !e.getSha().equals(blobId(f.getValue()))) {
                return false;
            }
        }
        return true;
    }

    static String blobId(String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + data.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(GHPullRequest pr) {
        return pr.getHtmlUrl() == null ? "" : pr.getHtmlUrl().toString();
    }
}
