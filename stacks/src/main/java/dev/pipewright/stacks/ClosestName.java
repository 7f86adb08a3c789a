package dev.pipewright.stacks;

import java.util.Collection;
import java.util.Optional;

/** The known name a mistyped one most likely meant, for "did you mean" in override errors. */
final class ClosestName {
    private ClosestName() {}

    /**
     * The known name at the smallest edit distance from {@code typed}, when that distance is small
     * for its length (at most a third of it, and at least one edit allowed); the first such in
     * {@code known}'s order on a tie.
     */
    static Optional<String> to(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(typed, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.max(typed.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance > 0 && bestDistance <= allowed
                ? Optional.of(best)
                : Optional.empty();
    }

    /**
     * Optimal string alignment distance: Levenshtein plus adjacent transpositions ("tets" is one
     * edit from "test").
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
