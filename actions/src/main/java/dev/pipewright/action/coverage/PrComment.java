package dev.pipewright.action.coverage;

import java.io.IOException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/**
 * Keeps one coverage comment per pull request: found by a hidden marker and edited in place, else
 * created.
 */
public final class PrComment {
    public static final String MARKER = "<!-- pipewright:coverage-gate -->";

    private PrComment() {}

    /** Creates or updates the comment; returns "created" or "updated". */
    public static String upsert(
            String apiUrl, String token, String repository, int number, String markdown)
            throws IOException {
        GitHub gh = new GitHubBuilder().withEndpoint(apiUrl).withOAuthToken(token).build();
        GHIssue issue = gh.getRepository(repository).getIssue(number);
        String body = MARKER + "\n" + markdown;
        for (GHIssueComment c : issue.listComments()) {
            if (c.getBody() != null && c.getBody().contains(MARKER)) {
                if (!body.equals(c.getBody())) {
                    c.update(body);
                }
                return "updated";
            }
        }
        issue.comment(body);
        return "created";
    }
}
