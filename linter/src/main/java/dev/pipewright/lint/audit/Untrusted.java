package dev.pipewright.lint.audit;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Contexts an attacker controls as free text: titles, bodies, commit messages, branch names of pull
 * requests and workflow runs, author names and e-mails. Compiled from GitHub's security hardening
 * guide and zizmor's context capability table (fields it marks {@code arbitrary} for events
 * outsiders can trigger). Numbers, SHAs, URLs GitHub builds and ids are not listed; neither are
 * {@code inputs.*} and step outputs, whose origin the audit cannot see.
 */
public final class Untrusted {
    private Untrusted() {}

    private static final String ANY = "[^.]+";

    private static final List<Pattern> FIELDS =
            List.of(
                            "github\\.head_ref",
                            "github\\.event\\.(issue|pull_request|discussion|comment|review|review_comment|pages\\."
                                    + ANY
                                    + "|answer)\\.(title|body|page_name)",
                            "github\\.event\\.(changes\\.(title|body)\\.from)",
                            "github\\.event\\.pull_request\\.head\\.(ref|label|repo\\.default_branch)",
                            "github\\.event\\.(head_commit|commits\\."
                                    + ANY
                                    + "|workflow_run\\.head_commit)\\.(message|author\\.(name|email)|committer\\.(name|email))",
                            "github\\.event\\.workflow_run\\.(head_branch|display_title|pull_requests\\."
                                    + ANY
                                    + "\\.head\\.ref|head_repository\\.default_branch)",
                            "github\\.event\\.(check_suite|check_run\\.check_suite)\\.head_branch",
                            "github\\.event\\.pages\\." + ANY + "\\.page_name")
                    .stream()
                    .map(Pattern::compile)
                    .toList();

    /** Objects whose JSON dump includes attacker-controlled text. */
    private static final Set<String> DUMPS =
            Set.of(
                    "github",
                    "github.event",
                    "github.event.issue",
                    "github.event.pull_request",
                    "github.event.comment",
                    "github.event.review",
                    "github.event.review_comment",
                    "github.event.discussion",
                    "github.event.head_commit",
                    "github.event.commits",
                    "github.event.workflow_run",
                    "github.event.pull_request.head");

    /** True when the value at {@code path} is attacker-controlled text. */
    public static boolean isUntrusted(Exprs.Access a) {
        return isUntrusted(a.path()) || a.dumped() && DUMPS.contains(a.path());
    }

    public static boolean isUntrusted(String path) {
        if (!path.startsWith("github.")) {
            return false; // every field above is under github; most accesses (env, secrets, steps,
            // matrix) are not
        }
        for (Pattern p : FIELDS) {
            if (p.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }
}
