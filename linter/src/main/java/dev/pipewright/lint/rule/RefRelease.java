package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.audit.ActionVersion;
import dev.pipewright.lint.audit.UsesRelease;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The release a remote {@code uses:} runs ({@link UsesRelease}), as {@code [major, minor, patch]}
 * to check inputs that only some releases take. A moving tag stands for its latest release: {@code
 * v6} is later than every {@code v6.x.y}.
 */
final class RefRelease {
    private RefRelease() {}

    /**
     * The release's version, missing parts as high as they go; empty when unknown (a branch, an
     * unlocked commit).
     */
    static Optional<int[]> of(LintContext ctx, YScalar uses) {
        return UsesRelease.of(ctx, uses)
                .map(
                        r -> {
                            ActionVersion v = r.version();
                            int max = Integer.MAX_VALUE;
                            return new int[] {
                                v.major(),
                                v.parts() > 1 ? v.minor() : max,
                                v.parts() > 2 ? v.patch() : max
                            };
                        });
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
