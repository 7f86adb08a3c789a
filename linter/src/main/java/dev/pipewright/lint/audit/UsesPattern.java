package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import java.util.Locale;

/**
 * A repository pattern of the lint configuration, as zizmor writes them: {@code *}, {@code
 * owner/*}, {@code owner/repo/*} (any path in the repository), {@code owner/repo}, {@code
 * owner/repo/path} and any of the exact forms with {@code @ref}. Owner and repository compare
 * without case, as GitHub resolves them; path and ref exactly.
 */
public record UsesPattern(String text, String owner, String repo, String path, String ref) {
    /**
     * Parses one pattern.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static UsesPattern parse(String text) {
        String s = text.strip();
        if (s.equals("*")) {
            return new UsesPattern(s, null, null, null, null);
        }
        String ref = null;
        int at = s.indexOf('@');
        if (at >= 0) {
            ref = s.substring(at + 1);
            s = s.substring(0, at);
            if (ref.isEmpty() || s.endsWith("*")) {
                throw new IllegalArgumentException(
                        "\""
                                + text
                                + "\" is not a repository pattern: a ref needs an exact owner/repo[/path]");
            }
        }
        String[] parts = s.split("/", 3);
        if (parts.length < 2
                || parts[0].isEmpty()
                || parts[0].contains("*")
                || parts[1].isEmpty()
                || parts[1].contains("*") && !parts[1].equals("*")) {
            throw new IllegalArgumentException(
                    "\""
                            + text
                            + "\" is not a repository pattern; expected *, owner/*, owner/repo,"
                            + " owner/repo/* or owner/repo[/path][@ref]");
        }
        String owner = parts[0].toLowerCase(Locale.ROOT);
        if (parts[1].equals("*")) {
            if (parts.length > 2) {
                throw new IllegalArgumentException(
                        "\"" + text + "\" is not a repository pattern: nothing may follow owner/*");
            }
            return new UsesPattern(text, owner, null, null, null);
        }
        String repo = parts[1].toLowerCase(Locale.ROOT);
        if (parts.length == 2) {
            return new UsesPattern(text, owner, repo, "", ref);
        }
        String path = parts[2];
        if (path.equals("*")) {
            return new UsesPattern(text, owner, repo, null, null);
        }
        if (path.contains("*")) {
            throw new IllegalArgumentException(
                    "\""
                            + text
                            + "\" is not a repository pattern: * stands only for a whole owner,"
                            + " repository or path");
        }
        return new UsesPattern(text, owner, repo, "/" + path, ref);
    }

    /** True when the pattern covers the reference. */
    public boolean matches(Uses u) {
        if (owner == null) {
            return true;
        }
        if (!owner.equalsIgnoreCase(u.owner())) {
            return false;
        }
        if (repo == null) {
            return true;
        }
        if (!repo.equalsIgnoreCase(u.repo())) {
            return false;
        }
        if (path == null) {
            return true;
        }
        // "owner/repo" without a ref matches the repository's root action only; zizmor's ExactRepo.
        return path.equals(u.path()) && (ref == null || ref.equals(u.ref()));
    }
}
