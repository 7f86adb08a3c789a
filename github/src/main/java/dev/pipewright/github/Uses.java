package dev.pipewright.github;

import java.util.Locale;
import java.util.Optional;

/** A remote {@code uses: owner/repo[/path]@ref}. */
public record Uses(String owner, String repo, String path, String ref) {
    /**
     * Reads {@code ([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)(/[^@]*)?@(.+)} (the whole value, stripped)
     * by hand: every audit parses every {@code uses:}, and the pattern was a visible share of the
     * linter's time.
     */
    public static Optional<Uses> parse(String uses) {
        if (uses.startsWith("./") || uses.startsWith("docker://") || uses.contains("${{")) {
            return Optional.empty();
        }
        String s = uses.strip();
        int slash = s.indexOf('/');
        if (slash <= 0 || !name(s, 0, slash)) {
            return Optional.empty();
        }
        int repoEnd = slash + 1;
        while (repoEnd < s.length() && nameChar(s.charAt(repoEnd))) {
            repoEnd++;
        }
        if (repoEnd == slash + 1 || repoEnd == s.length()) {
            return Optional.empty();
        }
        int at =
                s.charAt(repoEnd) == '@'
                        ? repoEnd
                        : s.charAt(repoEnd) == '/' ? s.indexOf('@', repoEnd) : -1;
        if (at < 0 || at + 1 == s.length() || !singleLine(s, at + 1)) {
            return Optional.empty();
        }
        return Optional.of(
                new Uses(
                        s.substring(0, slash),
                        s.substring(slash + 1, repoEnd),
                        s.substring(repoEnd, at),
                        s.substring(at + 1)));
    }

    private static boolean name(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!nameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean nameChar(char c) {
        return c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9'
                || c == '_'
                || c == '.'
                || c == '-';
    }

    /**
     * The ref is {@code .+}: no line terminator as {@link java.util.regex.Pattern} defines them.
     */
    private static boolean singleLine(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    public String repository() {
        return owner + "/" + repo;
    }

    /** {@code owner/repo/path} without the ref, lower-cased for comparisons. */
    public String target() {
        return (repository() + path).toLowerCase(Locale.ROOT);
    }

    /** A full commit SHA: 40 lower-case hex digits. */
    public boolean pinned() {
        if (ref.length() != 40) {
            return false;
        }
        for (int i = 0; i < 40; i++) {
            char c = ref.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** True for {@code actions/checkout} and friends, by target prefix. */
    public boolean is(String target) {
        return target().equals(target.toLowerCase(Locale.ROOT));
    }
}
