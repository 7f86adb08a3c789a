package dev.pipewright.action.release;

import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.kohsuke.github.GHAsset;
import org.kohsuke.github.GHRelease;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/**
 * Creates or updates the GitHub release of a tag and uploads its assets; running it again updates
 * the same release and replaces assets of the same name instead of adding duplicates.
 */
public final class GitHubRelease {
    /**
     * What happened: {@code created} or {@code updated}, the release page, and the asset names
     * uploaded.
     */
    public record Result(String action, String url, List<String> assets) {}

    /**
     * @param target the commit a new tag is created at (ignored when the tag exists)
     */
    public record Request(
            String tag,
            String name,
            String body,
            String target,
            boolean draft,
            boolean prerelease,
            List<Path> assets) {
        public Request {
            assets = List.copyOf(assets);
        }
    }

    private GitHubRelease() {}

    public static Result publish(String apiUrl, String token, String repository, Request req)
            throws IOException {
        GitHub gh = new GitHubBuilder().withEndpoint(apiUrl).withOAuthToken(token).build();
        GHRepository repo = gh.getRepository(repository);
        GHRelease release = find(repo, req.tag());
        // A new release has no assets. (GHRelease.assets() returns them unbound to the repository,
        // so delete() would
        // fail; listAssets() binds them.)
        List<GHAsset> existing =
                release == null || req.assets().isEmpty()
                        ? List.of()
                        : release.listAssets().toList();
        String action;
        if (release == null) {
            release =
                    repo.createRelease(req.tag())
                            .name(req.name())
                            .body(req.body())
                            .commitish(req.target())
                            .draft(req.draft())
                            .prerelease(req.prerelease())
                            .create();
            action = "created";
        } else {
            release =
                    release.update()
                            .name(req.name())
                            .body(req.body())
                            .draft(req.draft())
                            .prerelease(req.prerelease())
                            .update();
            action = "updated";
        }
        for (Path file : req.assets()) {
            String name = file.getFileName().toString();
            for (GHAsset a : existing) {
                if (a.getName().equals(name)) {
                    a.delete();
                }
            }
            release.uploadAsset(file.toFile(), contentType(name));
        }
        return new Result(
                action,
                release.getHtmlUrl() == null ? "" : release.getHtmlUrl().toString(),
                req.assets().stream().map(p -> p.getFileName().toString()).toList());
    }

    /**
     * The release of {@code tag}; drafts are not served by the by-tag endpoint, so they are looked
     * up in the list.
     */
    private static GHRelease find(GHRepository repo, String tag) throws IOException {
        GHRelease byTag = repo.getReleaseByTagName(tag);
        if (byTag != null) {
            return byTag;
        }
        int seen = 0;
        // Drafts are recent; the newest hundred releases are enough and keep one request per run.
        for (GHRelease r : repo.listReleases().withPageSize(100)) {
            if (tag.equals(r.getTagName())) {
                return r;
            }
            if (++seen >= 100) {
                break;
            }
        }
        return null;
    }

    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        if (lower.endsWith(".txt")
                || lower.endsWith(".sha256")
                || lower.endsWith(".sha512")
                || lower.endsWith(".md")) {
            return "text/plain";
        }
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed != null ? guessed : "application/octet-stream";
    }
}
