package dev.pipewright.lint.schema;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance, so messages carry their own fix. */
public final class Suggest {
    private Suggest() {}

    /** The closest candidate within a small edit distance, or null. */
    public static String closest(String word, Collection<String> candidates) {
        return closest(word, candidates, Math.max(1, Math.min(3, word.length() / 3)));
    }

    /** The closest candidate at most {@code limit} edits away, or null. */
    public static String closest(String word, Collection<String> candidates, int limit) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT).replace('_', '-'));
            d = Math.min(d, distance(w.replace('_', '-'), c.toLowerCase(Locale.ROOT)));
            if (d < bestDistance && d <= limit) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
