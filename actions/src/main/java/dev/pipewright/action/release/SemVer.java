package dev.pipewright.action.release;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version: parsing with the spec's grammar, formatting, precedence and
 * increments.
 *
 * <p>{@link #PRECEDENCE} is the spec's precedence (build metadata ignored, so {@code 1.0.0+a} and
 * {@code 1.0.0+b} are equal); {@link #compareTo} refines it by the build metadata so that it is a
 * total order consistent with {@code equals}, as sorted collections need.
 */
public record SemVer(
        long major, long minor, long patch, List<String> preRelease, List<String> build)
        implements Comparable<SemVer> {
    // The spec's own regular expression (semver.org, "Is there a suggested regular expression"),
    // with the numeric
    // parts kept as text so that overflow is reported instead of misparsed.
    private static final Pattern GRAMMAR =
            Pattern.compile(
                    "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    private static final Pattern NUMERIC = Pattern.compile("0|[1-9]\\d*");
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9a-zA-Z-]+");

    /** Precedence as defined by SemVer 2.0.0 §11; build metadata does not take part. */
    public static final Comparator<SemVer> PRECEDENCE = SemVer::comparePrecedence;

    public SemVer {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException(
                    "version numbers must be non-negative: " + major + "." + minor + "." + patch);
        }
        preRelease = List.copyOf(preRelease);
        build = List.copyOf(build);
        for (String id : preRelease) {
            if (!IDENTIFIER.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        "pre-release identifier '" + id + "' is not [0-9A-Za-z-]+");
            }
            if (id.chars().allMatch(Character::isDigit) && !NUMERIC.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        "numeric pre-release identifier '" + id + "' has a leading zero");
            }
        }
        for (String id : build) {
            if (!IDENTIFIER.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        "build identifier '" + id + "' is not [0-9A-Za-z-]+");
            }
        }
    }

    public static SemVer of(long major, long minor, long patch) {
        return new SemVer(major, minor, patch, List.of(), List.of());
    }

    /** Parses a version exactly as the spec writes it (no {@code v} prefix, no spaces). */
    public static SemVer parse(String text) {
        return tryParse(text)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "'"
                                                + text
                                                + "' is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], e.g. 1.4.0-rc.1)"));
    }

    public static Optional<SemVer> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new SemVer(
                            Long.parseLong(m.group(1)),
                            Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3)),
                            split(m.group(4)),
                            split(m.group(5))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private static List<String> split(String dotted) {
        return dotted == null ? List.of() : List.of(dotted.split("\\."));
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** The same version without pre-release and build parts. */
    public SemVer release() {
        return of(major, minor, patch);
    }

    /**
     * The next version at {@code level}, the way npm's {@code semver.inc} does it: a pre-release of
     * the version the increment would reach becomes that release (1.0.0-rc.1 → major → 1.0.0),
     * otherwise the component is incremented and lower ones reset.
     */
    public SemVer increment(Bump level) {
        switch (level) {
            case MAJOR:
                return isPreRelease() && minor == 0 && patch == 0
                        ? release()
                        : of(Math.addExact(major, 1), 0, 0);
            case MINOR:
                return isPreRelease() && patch == 0
                        ? release()
                        : of(major, Math.addExact(minor, 1), 0);
            case PATCH:
                return isPreRelease() ? release() : of(major, minor, Math.addExact(patch, 1));
            default:
                return this;
        }
    }

    @Override
    public int compareTo(SemVer o) {
        int c = comparePrecedence(this, o);
        return c != 0 ? c : compareIdentifiers(build, o.build, true);
    }

    private static int comparePrecedence(SemVer a, SemVer b) {
        int c = Long.compare(a.major, b.major);
        if (c == 0) {
            c = Long.compare(a.minor, b.minor);
        }
        if (c == 0) {
            c = Long.compare(a.patch, b.patch);
        }
        if (c != 0) {
            return c;
        }
        // §11.3: a pre-release has lower precedence than the normal version.
        if (a.preRelease.isEmpty() || b.preRelease.isEmpty()) {
            return Boolean.compare(a.preRelease.isEmpty(), b.preRelease.isEmpty());
        }
        return compareIdentifiers(a.preRelease, b.preRelease, false);
    }

    /** §11.4: field by field; a larger set of fields wins when all preceding ones are equal. */
    private static int compareIdentifiers(List<String> a, List<String> b, boolean emptyFirst) {
        if (emptyFirst && (a.isEmpty() || b.isEmpty())) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String x, String y) {
        boolean xNum = x.chars().allMatch(Character::isDigit);
        boolean yNum = y.chars().allMatch(Character::isDigit);
        if (xNum && yNum) {
            // No leading zeros (checked for pre-release; build ids only tie-break), so length
            // orders first:
            // numbers of any size compare without overflow.
            String xs = x.replaceFirst("^0+(?=.)", "");
            String ys = y.replaceFirst("^0+(?=.)", "");
            int c = Integer.compare(xs.length(), ys.length());
            c = c != 0 ? c : xs.compareTo(ys);
            return c != 0 ? c : x.compareTo(y);
        }
        if (xNum != yNum) {
            // Numeric identifiers always have lower precedence than alphanumeric ones.
            return xNum ? -1 : 1;
        }
        // ASCII order, as the spec says "lexically in ASCII sort order".
        return x.compareTo(y);
    }

    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder()
                        .append(major)
                        .append('.')
                        .append(minor)
                        .append('.')
                        .append(patch);
        if (!preRelease.isEmpty()) {
            sb.append('-').append(String.join(".", preRelease));
        }
        if (!build.isEmpty()) {
            sb.append('+').append(String.join(".", build));
        }
        return sb.toString();
    }
}
