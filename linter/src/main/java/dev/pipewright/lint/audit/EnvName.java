package dev.pipewright.lint.audit;

import java.util.Locale;

/**
 * The environment variable name the fix gives an untrusted context: {@code
 * github.event.issue.title} is ISSUE_TITLE.
 */
public final class EnvName {
    private EnvName() {}

    public static String of(String path) {
        String p = path.replaceFirst("^github\\.event\\.", "").replaceFirst("^github\\.", "");
        p = p.replace("pull_request.", "pr.").replace(".*.", ".").replace(".*", "");
        return p.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "").toUpperCase(Locale.ROOT);
    }
}
