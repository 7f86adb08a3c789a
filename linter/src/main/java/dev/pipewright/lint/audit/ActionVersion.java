package dev.pipewright.lint.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version as actions tag them ({@code v4}, {@code v4.1}, {@code 4.1.7}, {@code
 * v35.7.7-sec}), compared with semver's rules: missing minor and patch count as 0, a pre-release
 * sorts before its release. {@code parts} says how many of major, minor and patch the text gave:
 * {@code v4} names the 4.x line, not 4.0.0. The order ignores it, so {@code 41} and {@code 41.0.0}
 * compare equal without being equal records.
 */
public record ActionVersion(int major, int minor, int patch, String prerelease, int parts)
        implements Comparable<ActionVersion> {
    private static final Pattern VERSION =
            Pattern.compile(
                    "v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:-([0-9A-Za-z.-]+))?"
                            + "(?:\\+[0-9A-Za-z.-]+)?");

    /**
     * The version {@code text} spells (a leading {@code v} allowed), or empty when it is not one (a
     * branch, a SHA).
     */
    public static Optional<ActionVersion> parse(String text) {
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int parts = m.group(3) != null ? 3 : m.group(2) != null ? 2 : 1;
        // a pre-release of a partial version ("v4-beta") names no line and no release: not a
        // version here
        if (m.group(4) != null && parts < 3) {
            return Optional.empty();
        }
        return Optional.of(
                new ActionVersion(
                        Integer.parseInt(m.group(1)),
                        m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                        m.group(4) == null ? "" : m.group(4),
                        parts));
    }

    /** True when the text gave major, minor and patch: one release, not a line of them. */
    public boolean exact() {
        return parts == 3;
    }

    /**
     * The first version after the line this partial version names: 5.0.0 for {@code v4}, 4.2.0 for
     * {@code v4.1}.
     */
    public ActionVersion lineEnd() {
        return parts == 1
                ? new ActionVersion(major + 1, 0, 0, "", 3)
                : new ActionVersion(major, minor + 1, 0, "", 3);
    }

    /**
     * The first version of the line this partial version names: 4.0.0 for {@code v4}, 4.1.0 for
     * {@code v4.1}.
     */
    public ActionVersion lineStart() {
        return new ActionVersion(major, parts == 1 ? 0 : minor, 0, "", 3);
    }

    @Override
    public int compareTo(ActionVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        c = c != 0 ? c : Integer.compare(patch, o.patch);
        if (c != 0 || prerelease.equals(o.prerelease)) {
            return c;
        }
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            return prerelease.isEmpty() ? 1 : -1;
        }
        return comparePrerelease(prerelease, o.prerelease);
    }

    /**
     * Semver's pre-release order: dot-separated identifiers, numeric ones numerically and before
     * alphanumeric ones.
     */
    private static int comparePrerelease(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean nx = x[i].chars().allMatch(Character::isDigit);
            boolean ny = y[i].chars().allMatch(Character::isDigit);
            // numbers of any length: the shorter (without leading zeros) is the smaller
            int c =
                    nx && ny
                            ? compareNumbers(x[i], y[i])
                            : nx != ny ? (nx ? -1 : 1) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    /** The version as the advisories spell it: as many parts as it was given, no {@code v}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(major);
        if (parts > 1) {
            s.append('.').append(minor);
        }
        if (parts > 2) {
            s.append('.').append(patch);
        }
        return prerelease.isEmpty() ? s.toString() : s.append('-').append(prerelease).toString();
    }

    /**
     * A vulnerable range in the advisory database's syntax: constraints joined by commas, each
     * {@code >=}, {@code >}, {@code <=}, {@code <} or {@code =} and a version ({@code ">= 4.0.0, <
     * 4.1.7"}, {@code "< 41"}, {@code "= 1"}).
     */
    public record Range(String text, List<Constraint> constraints) {
        public record Constraint(String op, ActionVersion version) {}

        /**
         * The range {@code text} spells; throws with the offending constraint when it is not one.
         */
        public static Range parse(String text) {
            List<Constraint> out = new ArrayList<>();
            for (String c : text.split(",")) {
                String s = c.strip();
                String op =
                        s.startsWith(">=") || s.startsWith("<=")
                                ? s.substring(0, 2)
                                : s.startsWith(">") || s.startsWith("<") || s.startsWith("=")
                                        ? s.substring(0, 1)
                                        : "";
                if (op.isEmpty()) {
                    throw new IllegalArgumentException(
                            "vulnerable range constraint without an operator: \""
                                    + c.strip()
                                    + "\"");
                }
                out.add(new Constraint(op, parse(s.substring(op.length()).strip(), c)));
            }
            return new Range(text, List.copyOf(out));
        }

        private static ActionVersion parse(String version, String constraint) {
            return ActionVersion.parse(version)
                    .orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            "vulnerable range constraint without a version: \""
                                                    + constraint.strip()
                                                    + "\""));
        }

        /**
         * True when the release {@code v} is in the range; an {@code =} constraint wants the
         * version as spelled.
         */
        public boolean contains(ActionVersion v) {
            for (Constraint c : constraints) {
                int cmp = v.compareTo(c.version());
                boolean ok =
                        switch (c.op()) {
                            case ">=" -> cmp >= 0;
                            case ">" -> cmp > 0;
                            case "<=" -> cmp <= 0;
                            case "<" -> cmp < 0;
                            default -> cmp == 0 && v.parts() == c.version().parts();
                        };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /**
         * True when the newest release of a line is in the range whatever it is: the range reaches
         * the line's end and starts before it. A moving tag ({@code @v4}) runs that newest release.
         * An upper bound inside the line ({@code <= 4.3.0} for the 4.x line) says nothing about
         * releases after it, so it does not count.
         */
        public boolean containsNewestOf(ActionVersion line) {
            ActionVersion end = line.lineEnd();
            for (Constraint c : constraints) {
                int cmp = c.version().compareTo(end);
                boolean ok =
                        switch (c.op()) {
                            case ">=", ">" -> cmp < 0;
                            case "<=", "<" -> cmp >= 0;
                            default -> false;
                        };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /**
         * True when every release of a line is in the range: a commit known only as "some release
         * of 4.x" (a SHA pin commented {@code # v4}) is then vulnerable, whichever it is.
         */
        public boolean containsAllOf(ActionVersion line) {
            ActionVersion start = line.lineStart();
            for (Constraint c : constraints) {
                boolean ok =
                        switch (c.op()) {
                            case ">=" -> start.compareTo(c.version()) >= 0;
                            case ">" -> start.compareTo(c.version()) > 0;
                            case "<=", "<" -> c.version().compareTo(line.lineEnd()) >= 0;
                            default -> false;
                        };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }
}
