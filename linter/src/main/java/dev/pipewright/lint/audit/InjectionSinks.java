package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of well-known actions that run their value as code (a script, a shell command, a jq or yq
 * program, a template evaluated by the action): an expansion into them is a template injection just
 * like one into {@code run:}. After zizmor's list (zizmorcore/zizmor, MIT), which takes most
 * entries from CodeQL's action models (github/codeql {@code actions/ql/lib/ext}, MIT) and adds a
 * few CodeQL does not track.
 */
public final class InjectionSinks {
    private InjectionSinks() {}

    /** Action (owner/repo, lower case) to its code-running inputs. */
    private static final Map<String, List<String>> SINKS =
            Map.ofEntries(
                    Map.entry("8398a7/action-slack", List.of("custom_payload")),
                    Map.entry("actions/github-script", List.of("script")),
                    Map.entry("addnab/docker-run-action", List.of("options", "run")),
                    Map.entry("amadevus/pwsh-script", List.of("script")),
                    Map.entry("appleboy/ssh-action", List.of("script")),
                    Map.entry("azure/cli", List.of("inlinescript")),
                    Map.entry("azure/powershell", List.of("inlinescript")),
                    Map.entry("cardinalby/js-eval-action", List.of("expression")),
                    Map.entry("devorbitus/yq-action-output", List.of("cmd")),
                    Map.entry("gautamkrishnar/blog-post-workflow", List.of("item_exec")),
                    Map.entry(
                            "imjohnbo/issue-bot",
                            List.of(
                                    "body",
                                    "linked-comments-previous-issue-text",
                                    "linked-comments-new-issue-text")),
                    Map.entry("jannekem/run-python-script-action", List.of("script")),
                    Map.entry("lucasbento/auto-close-issues", List.of("issue-close-message")),
                    Map.entry("mikefarah/yq", List.of("cmd")),
                    Map.entry(
                            "roots/issue-closer-action",
                            List.of("issue-close-message", "pr-close-message")),
                    Map.entry("sergeysova/jq-action", List.of("cmd")),
                    Map.entry("skitionek/notify-microsoft-teams", List.of("overwrite")),
                    Map.entry(
                            "tibdex/backport",
                            List.of(
                                    "body_template",
                                    "head_template",
                                    "labels_template",
                                    "title_template")));

    /**
     * The code-running inputs of the action a {@code uses:} names (input names compare without
     * case), or empty.
     */
    public static Optional<List<String>> of(String uses) {
        return Uses.parse(uses)
                .filter(u -> u.path().isEmpty())
                .flatMap(
                        u ->
                                Optional.ofNullable(
                                        SINKS.get(u.repository().toLowerCase(Locale.ROOT))));
    }
}
