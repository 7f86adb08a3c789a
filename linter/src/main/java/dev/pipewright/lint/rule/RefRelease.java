package dev.pipewright.lint.rule;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.audit.ActionsLock;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release a remote {@code uses:} runs, to check inputs that only some releases take: its tag
 * ({@code v6}, {@code v6.3.0}), or for a commit the {@code # v6.3.0} comment after it or the tag
 * the lock file maps it to. A moving tag stands for its latest release: {@code v6} is later than
 * every {@code v6.x.y}.
 */
final class RefRelease {
    private static final Pattern TAG = Pattern.compile("v?(\\d{1,9}(?:\\.\\d{1,9}){0,2})");
    private static final Pattern COMMENT =
            Pattern.compile("#\\s*(?:tag\\s*[:=]\\s*)?v?(\\d{1,9}(?:\\.\\d{1,9}){0,2})\\b");

    private RefRelease() {}

    /**
     * The release's version, missing parts as high as they go; empty when unknown (a branch, an
     * unlocked commit).
     */
    static Optional<int[]> of(LintContext ctx, YScalar uses) {
        Uses u = Uses.parse(uses.value().strip()).orElse(null);
        if (u == null) {
            return Optional.empty();
        }
        if (!u.pinned()) {
            // a commit SHA may be all digits: only a ref that is not one can be a tag
            Matcher tag = TAG.matcher(u.ref());
            return tag.matches()
                    ? Optional.of(parse(tag.group(1), Integer.MAX_VALUE))
                    : Optional.empty();
        }
        if (uses.pos().line() == uses.end().line()) {
            String line = ctx.line(uses.end().line());
            Matcher comment =
                    COMMENT.matcher(line.substring(Math.min(uses.end().col() - 1, line.length())));
            if (comment.find()) {
                return Optional.of(parse(comment.group(1), Integer.MAX_VALUE));
            }
        }
        return ActionsLock.forProject(ctx.projectRoot()).tagsOf(u.repository(), u.ref()).stream()
                .map(TAG::matcher)
                .filter(Matcher::matches)
                .findFirst()
                .map(m -> parse(m.group(1), Integer.MAX_VALUE));
    }

    /**
     * Whether {@code release} lies in {@code added..removed}: from the release that added an input
     * to the one before its removal.
     */
    static boolean within(int[] release, String range) {
        String[] ends = range.split("\\.\\.", 2);
        return Arrays.compare(release, parse(ends[0].replaceFirst("^v", ""), 0)) >= 0
                && Arrays.compare(release, parse(ends[1].replaceFirst("^v", ""), 0)) < 0;
    }

    /** Whether {@code release} comes before the first release of {@code added..removed}. */
    static boolean beforeAdded(int[] release, String range) {
        return Arrays.compare(release, parse(range.split("\\.\\.", 2)[0].replaceFirst("^v", ""), 0))
                < 0;
    }

    /** {@code 6.3} as {@code [6, 3, missing]}. */
    private static int[] parse(String version, int missing) {
        List<Integer> parts = new ArrayList<>();
        for (String p : version.split("\\.")) {
            parts.add(Integer.parseInt(p));
        }
        while (parts.size() < 3) {
            parts.add(missing);
        }
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }
}
