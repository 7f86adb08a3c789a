package dev.pipewright.lint.audit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A remote {@code uses: owner/repo[/path]@ref}. */
public record Uses(String owner, String repo, String path, String ref) {
    private static final Pattern REMOTE = Pattern.compile("([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)(/[^@]*)?@(.+)");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    public static Optional<Uses> parse(String uses) {
        if (uses.startsWith("./") || uses.startsWith("docker://") || uses.contains("${{")) {
            return Optional.empty();
        }
        Matcher m = REMOTE.matcher(uses.strip());
        return m.matches() ? Optional.of(new Uses(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3), m.group(4)))
                : Optional.empty();
    }

    public String repository() {
        return owner + "/" + repo;
    }

    /** {@code owner/repo/path} without the ref, lower-cased for comparisons. */
    public String target() {
        return (repository() + path).toLowerCase(java.util.Locale.ROOT);
    }

    public boolean pinned() {
        return SHA.matcher(ref).matches();
    }

    /** True for {@code actions/checkout} and friends, by target prefix. */
    public boolean is(String target) {
        return target().equals(target.toLowerCase(java.util.Locale.ROOT));
    }
}
