package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.yaml.YScalar;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release a remote {@code uses:} runs, one answer for every rule and audit that depends on it:
 * an exact tag as written ({@code @v4.1.2}); a moving tag ({@code @v4}, {@code @v4.1}) as that
 * line; for a commit SHA, the release the action lock maps it to first, since the lock is evidence
 * ({@code pipewright pin} recorded the tag's commit), and only then the {@code # v4.1.2} comment
 * after it, which is a claim anyone can write. Branches, unlocked and uncommented SHAs name none.
 */
public final class UsesRelease {
    /**
     * The version comment right after a {@code uses:} value: {@code # v4.1.2}, {@code #4.1.2},
     * {@code # tag=v4.1.2}, {@code # v4}; group 1 is the version, group 2 what follows it.
     */
    private static final Pattern COMMENT =
            Pattern.compile(
                    "\\s*#\\s*(?:tag\\s*[:=]\\s*)?"
                            + "(v?\\d+(?:\\.\\d+)*(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)"
                            + "(?![\\w.+-])(.*)");

    /** Where the release was read. */
    public enum Source {
        /** the ref itself, a tag */
        TAG,
        /** the action lock's tag for the pinned commit */
        LOCK,
        /** the version comment after the pinned commit */
        COMMENT
    }

    /**
     * A release and where it was read; a version that is not {@link ActionVersion#exact() exact}
     * names a line ({@code v4}): for a tag its newest release, for a SHA some release of it.
     */
    public record Release(ActionVersion version, Source source) {
        /** True when only the line is known ({@code @v4}, {@code # v4}). */
        public boolean line() {
            return !version.exact();
        }

        /** How a message says where a pinned commit's release was read. */
        public String by() {
            return switch (source) {
                case TAG -> "";
                case LOCK -> " by the action lock";
                case COMMENT -> " by its version comment";
            };
        }
    }

    private UsesRelease() {}

    /**
     * The release {@code uses} runs, or empty when neither its ref, the lock nor its comment say.
     */
    public static Optional<Release> of(LintContext ctx, YScalar uses) {
        return Uses.parse(uses.value().strip()).flatMap(u -> of(ctx, uses, u));
    }

    /** {@link #of(LintContext, YScalar)} for a reference already parsed. */
    public static Optional<Release> of(LintContext ctx, YScalar uses, Uses u) {
        if (!u.pinned()) {
            return ActionVersion.parse(u.ref()).map(v -> new Release(v, Source.TAG));
        }
        Optional<ActionVersion> locked = locked(ActionsLock.forProject(ctx.projectRoot()), u);
        if (locked.isPresent()) {
            return Optional.of(new Release(locked.get(), Source.LOCK));
        }
        return comment(ctx, uses)
                .flatMap(ActionVersion::parse)
                .map(v -> new Release(v, Source.COMMENT));
    }

    /**
     * The release the lock maps a pinned commit to: the highest exact tag (a commit tagged {@code
     * v4.2.2} and {@code v4.2} is 4.2.2), else the highest line tag.
     */
    private static Optional<ActionVersion> locked(ActionsLock lock, Uses u) {
        Comparator<ActionVersion> exactFirst =
                Comparator.comparing(ActionVersion::exact).thenComparing(Comparator.naturalOrder());
        return lock.tagsOf(u.repository(), u.ref()).stream()
                .map(ActionVersion::parse)
                .flatMap(Optional::stream)
                .max(exactFirst);
    }

    /**
     * The version the comment right after {@code uses} names, as written ({@code v4.1.2}); empty
     * without one, or for a value over several lines.
     */
    public static Optional<String> comment(LintContext ctx, YScalar uses) {
        if (uses.pos().line() != uses.end().line()) {
            return Optional.empty();
        }
        String line = ctx.line(uses.end().line());
        Matcher m = COMMENT.matcher(line.substring(Math.min(uses.end().col() - 1, line.length())));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * True when {@code rest}, the text after a {@code uses:} value, is a version comment and
     * nothing else, so rewriting the reference with its new version comment loses nothing.
     */
    public static boolean onlyVersionComment(String rest) {
        Matcher m = COMMENT.matcher(rest);
        return m.matches() && m.group(2).isBlank();
    }
}
