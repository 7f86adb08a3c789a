package dev.pipewright.model;

import dev.pipewright.github.Uses;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a step {@code uses:}: {@code owner/repo[/path]@ref}, a local {@code ./path}, or {@code
 * docker://image}. A pinned reference carries the version it stands for, written as an inline
 * comment after the SHA so Dependabot and Renovate can bump both.
 */
public record ActionRef(String target, String ref, String versionComment) {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    public ActionRef {
        Objects.requireNonNull(target, "target == null");
        if (target.isBlank()) {
            throw new IllegalArgumentException("uses is blank");
        }
        boolean local = target.startsWith("./") || target.startsWith("$/");
        boolean docker = target.startsWith("docker://");
        if (!local && !docker && ref == null) {
            throw new IllegalArgumentException(
                    "uses: " + target + " has no @ref; pin it to a commit SHA or a version");
        }
        if (versionComment != null && (versionComment.contains("\n") || versionComment.isBlank())) {
            throw new IllegalArgumentException("version comment must be one non-blank line");
        }
    }

    /** Parses {@code owner/repo@ref}, {@code ./local} or {@code docker://image}. */
    public static ActionRef parse(String uses) {
        Objects.requireNonNull(uses, "uses == null");
        if (uses.startsWith("./") || uses.startsWith("docker://")) {
            return new ActionRef(uses, null, null);
        }
        Uses remote =
                Uses.parse(uses)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "uses: " + uses + " is not owner/repo@ref"));
        return new ActionRef(remote.repository() + remote.path(), remote.ref(), null);
    }

    /** {@code owner/repo@<sha> # <version>}. */
    public static ActionRef pinned(String target, String sha, String version) {
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("'" + sha + "' is not a 40-hex commit SHA");
        }
        return new ActionRef(target, sha, Objects.requireNonNull(version, "version == null"));
    }

    public boolean isPinned() {
        return ref != null && SHA.matcher(ref).matches();
    }

    /** The {@code uses:} text without the comment. */
    public String text() {
        return ref == null ? target : target + "@" + ref;
    }
}
