package dev.pipewright.lint.audit;

import dev.pipewright.github.TextCache;
import dev.pipewright.github.Uses;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.data.PopularActions;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code action/checkout} for {@code actions/checkout}: whoever registers the misspelt name runs
 * code in the job. A {@code uses:} whose {@code owner/repo} is one typo (a character left out,
 * repeated, swapped with its neighbour, or replaced by a neighbour on the keyboard or a look-alike)
 * away from a well-known action of another owner is reported. Offline the audit cannot tell whether
 * the misspelt repository exists, hence low confidence, as zizmor rates it offline. The well-known
 * actions are the linter's own table of popular actions.
 */
@Rule(
        id = "typosquat-uses",
        summary = "uses: does not name a look-alike of a well-known action",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.LOW)
public final class TyposquatUsesAudit extends UsesAudit {
    /**
     * Keyboard neighbours and look-alikes, zizmor's table (after the crates.io typosquat checker).
     */
    private static final Map<Character, List<String>> TYPOS =
            Map.ofEntries(
                    Map.entry('1', List.of("2", "q", "i", "l")),
                    Map.entry('2', List.of("1", "q", "w", "3")),
                    Map.entry('3', List.of("2", "w", "e", "4")),
                    Map.entry('4', List.of("3", "e", "r", "5")),
                    Map.entry('5', List.of("4", "r", "t", "6", "s")),
                    Map.entry('6', List.of("5", "t", "y", "7")),
                    Map.entry('7', List.of("6", "y", "u", "8")),
                    Map.entry('8', List.of("7", "u", "i", "9")),
                    Map.entry('9', List.of("8", "i", "o", "0")),
                    Map.entry('0', List.of("9", "o", "p", "-")),
                    Map.entry('-', List.of("_", "0", "p", ".", "")),
                    Map.entry('_', List.of("-", "0", "p", ".", "")),
                    Map.entry('q', List.of("1", "2", "w", "a")),
                    Map.entry('w', List.of("2", "3", "e", "s", "a", "q", "vv")),
                    Map.entry('e', List.of("3", "4", "r", "d", "s", "w")),
                    Map.entry('r', List.of("4", "5", "t", "f", "d", "e")),
                    Map.entry('t', List.of("5", "6", "y", "g", "f", "r")),
                    Map.entry('y', List.of("6", "7", "u", "h", "t", "i")),
                    Map.entry('u', List.of("7", "8", "i", "j", "y", "v")),
                    Map.entry('i', List.of("1", "8", "9", "o", "l", "k", "j", "u", "y")),
                    Map.entry('o', List.of("9", "0", "p", "l", "i")),
                    Map.entry('p', List.of("0", "-", "o")),
                    Map.entry('a', List.of("q", "w", "s", "z")),
                    Map.entry('s', List.of("w", "d", "x", "z", "a", "5")),
                    Map.entry('d', List.of("e", "r", "f", "c", "x", "s")),
                    Map.entry('f', List.of("r", "g", "v", "c", "d")),
                    Map.entry('g', List.of("t", "h", "b", "v", "f")),
                    Map.entry('h', List.of("y", "j", "n", "b", "g")),
                    Map.entry('j', List.of("u", "i", "k", "m", "n", "h")),
                    Map.entry('k', List.of("i", "o", "l", "m", "j")),
                    Map.entry('l', List.of("i", "o", "p", "k", "1")),
                    Map.entry('z', List.of("a", "s", "x")),
                    Map.entry('x', List.of("z", "s", "d", "c")),
                    Map.entry('c', List.of("x", "d", "f", "v")),
                    Map.entry('v', List.of("c", "f", "g", "b", "u")),
                    Map.entry('b', List.of("v", "g", "h", "n")),
                    Map.entry('n', List.of("b", "h", "j", "m")),
                    Map.entry('m', List.of("n", "j", "k", "rn")),
                    Map.entry('.', List.of("-", "_", "")),
                    Map.entry('/', List.of("-", "_")));

    /**
     * The {@code owner/repo} of each popular action, lower-cased and sorted so the first match is
     * stable.
     */
    private static final TreeSet<String> WELL_KNOWN = new TreeSet<>();

    static {
        for (String key : PopularActions.ACTIONS.keySet()) {
            String[] p = key.toLowerCase(Locale.ROOT).split("/");
            WELL_KNOWN.add(p[0] + "/" + p[1]);
        }
    }

    /**
     * The well-known action each {@code owner/repo} is one typo away from ("" for none): the same
     * few hundred repositories recur in every file, and comparing one with every well-known action
     * was the audit's whole cost.
     */
    private static final TextCache<String> LOOK_ALIKE = new TextCache<>(10_000);

    @Override
    protected void uses(YMap owner, YScalar uses) {
        Uses.parse(uses.value())
                .ifPresent(
                        u -> {
                            String known =
                                    LOOK_ALIKE.get(
                                            u.repository().toLowerCase(Locale.ROOT),
                                            TyposquatUsesAudit::lookAlike);
                            if (!known.isEmpty()) {
                                report(
                                        uses,
                                        "\""
                                                + u.repository()
                                                + "\" is one typo away from the well-known action "
                                                + known
                                                + ", which belongs to another owner; check the name (a look-alike runs its owner's code)");
                            }
                        });
    }

    /**
     * The first well-known action of another owner that {@code slug} (lower-case owner/repo)
     * misspells, or "".
     */
    private static String lookAlike(String slug) {
        if (WELL_KNOWN.contains(slug)) {
            return "";
        }
        String ownerPrefix = slug.substring(0, slug.indexOf('/') + 1);
        for (String known : WELL_KNOWN) {
            if (!known.startsWith(ownerPrefix) && oneTypo(known, slug)) {
                return known;
            }
        }
        return "";
    }

    /**
     * True when {@code typed} is {@code meant} with one character left out, repeated, swapped or
     * mistyped.
     */
    static boolean oneTypo(String meant, String typed) {
        if (meant.equals(typed) || Math.abs(meant.length() - typed.length()) > 2) {
            return false;
        }
        for (int i = 0; i < meant.length(); i++) {
            String before = meant.substring(0, i);
            String after = meant.substring(i + 1);
            char c = meant.charAt(i);
            if (typed.equals(before + after) || typed.equals(before + c + c + after)) {
                return true;
            }
            if (i + 1 < meant.length()
                    && typed.equals(before + meant.charAt(i + 1) + c + meant.substring(i + 2))) {
                return true;
            }
            for (String t : TYPOS.getOrDefault(c, List.of())) {
                if (typed.equals(before + t + after)) {
                    return true;
                }
            }
        }
        return false;
    }
}
