package dev.pipewright.action.release;

import dev.pipewright.action.InputException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which tags are releases: a glob such as {@code v*} or {@code app/v*}; the literal text before the
 * first wildcard is the prefix stripped to get the version, and the rest must be a semantic
 * version.
 */
public final class TagPattern {
    private final String glob;
    private final Pattern regex;
    private final String prefix;

    private TagPattern(String glob, Pattern regex, String prefix) {
        this.glob = glob;
        this.regex = regex;
        this.prefix = prefix;
    }

    public static TagPattern parse(String input, String glob) {
        if (glob.isBlank()) {
            throw InputException.forInput(input, "is empty; give a glob such as 'v*'");
        }
        StringBuilder re = new StringBuilder();
        int firstWildcard = -1;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if ((c == '*' || c == '?' || c == '[') && firstWildcard < 0) {
                firstWildcard = i;
            }
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        throw InputException.forInput(input, "'" + glob + "' has an unclosed '['");
                    }
                    String cls = glob.substring(i + 1, end);
                    re.append('[')
                            .append(
                                    cls.startsWith("!")
                                            ? "^" + Pattern.quote(cls.substring(1))
                                            : Pattern.quote(cls))
                            .append(']');
                    i = end;
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        String prefix = firstWildcard < 0 ? glob : glob.substring(0, firstWildcard);
        return new TagPattern(glob, Pattern.compile(re.toString()), prefix);
    }

    public String glob() {
        return glob;
    }

    /**
     * The tag name's version, when the name matches the glob and the rest after the prefix is a
     * SemVer.
     */
    public Optional<SemVer> version(String tagName) {
        if (!regex.matcher(tagName).matches() || !tagName.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = tagName.substring(prefix.length());
        Optional<SemVer> v = SemVer.tryParse(rest);
        if (v.isEmpty() && prefix.isEmpty() && (rest.startsWith("v") || rest.startsWith("V"))) {
            v = SemVer.tryParse(rest.substring(1));
        }
        return v;
    }

    /**
     * The tag name a new release gets: the prefix (or the previous tag's) followed by the version.
     */
    public String tagFor(SemVer version, String previousTag, SemVer previousVersion) {
        if (previousTag != null
                && previousVersion != null
                && previousTag.endsWith(previousVersion.toString())) {
            return previousTag.substring(
                            0, previousTag.length() - previousVersion.toString().length())
                    + version;
        }
        return prefix + version;
    }
}
