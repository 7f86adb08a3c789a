package dev.pipewright.model.dependabot;

/**
 * {@code commit-message}: a prefix (up to 50 characters), a separate prefix for development
 * dependencies, and whether the scope (the updated dependencies) follows the prefix.
 */
public record CommitMessage(String prefix, String prefixDevelopment, boolean includeScope) {

    public static CommitMessage prefix(String prefix) {
        return new CommitMessage(prefix, null, false);
    }

    public CommitMessage prefixDevelopment(String value) {
        return new CommitMessage(prefix, value, includeScope);
    }

    /** {@code include: scope}. */
    public CommitMessage withScope() {
        return new CommitMessage(prefix, prefixDevelopment, true);
    }
}
