package dev.pipewright.action.release;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links into the repository on GitHub: issues and pull requests ({@code #123}, {@code (#123)}),
 * commits (short or full SHAs) and compare views; without a repository URL text is left as it is.
 */
public final class Links {
    // #123 not preceded by a word character, '&' (an entity) or '/' (owner/repo#1, a URL fragment).
    private static final Pattern ISSUE = Pattern.compile("(?<![\\w&/\\[])#(\\d+)\\b");
    // 7 to 40 hex digits with at least one letter and one digit, standing alone.
    private static final Pattern SHA =
            Pattern.compile("(?<![\\w/\\[])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\\d)[0-9a-f]{7,40}\\b");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
    private static final Pattern GITHUB_REMOTE =
            Pattern.compile(
                    "(?:https?://(?:[^@/]+@)?|ssh://git@|git@)(github\\.com)[:/]([\\w.-]+)/([\\w.-]+?)(?:\\.git)?/?");

    private final String base;

    private Links(String base) {
        this.base = base;
    }

    /** {@code https://github.com/owner/repo}, without a trailing slash; null for no links. */
    public static Links of(String repositoryUrl) {
        return new Links(
                repositoryUrl == null || repositoryUrl.isBlank()
                        ? null
                        : repositoryUrl.strip().replaceAll("/+$", ""));
    }

    /**
     * The web URL of a GitHub remote ({@code git@github.com:o/r.git}, {@code
     * https://github.com/o/r}).
     */
    public static Optional<String> fromRemote(String remote) {
        Matcher m = GITHUB_REMOTE.matcher(remote.strip());
        return m.matches()
                ? Optional.of("https://" + m.group(1) + "/" + m.group(2) + "/" + m.group(3))
                : Optional.empty();
    }

    public boolean enabled() {
        return base != null;
    }

    public String base() {
        return base == null ? "" : base;
    }

    public String commit(String id) {
        return base == null ? "" : base + "/commit/" + id;
    }

    public String issue(String number) {
        return base == null ? "" : base + "/issues/" + number;
    }

    public String compare(String from, String to) {
        return base == null || from == null ? "" : base + "/compare/" + from + "..." + to;
    }

    /**
     * Markdown text with issue references and commit SHAs turned into links; code spans are left
     * alone.
     */
    public String markdown(String text) {
        if (base == null || text == null) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher code = CODE_SPAN.matcher(text);
        int at = 0;
        while (code.find()) {
            out.append(linkPlain(text.substring(at, code.start()))).append(code.group());
            at = code.end();
        }
        return out.append(linkPlain(text.substring(at))).toString();
    }

    private String linkPlain(String text) {
        String withIssues =
                ISSUE.matcher(text)
                        .replaceAll(
                                m ->
                                        Matcher.quoteReplacement(
                                                "[#"
                                                        + m.group(1)
                                                        + "]("
                                                        + issue(m.group(1))
                                                        + ")"));
        StringBuilder out = new StringBuilder();
        Matcher m = SHA.matcher(withIssues);
        int at = 0;
        while (m.find()) {
            // Not inside a link we just wrote: the SHA regex cannot match digits-only issue numbers
            // anyway.
            out.append(withIssues, at, m.start())
                    .append('[')
                    .append(m.group(), 0, Math.min(7, m.group().length()))
                    .append("](")
                    .append(commit(m.group()))
                    .append(')');
            at = m.end();
        }
        return out.append(withIssues.substring(at)).toString();
    }
}
