package dev.pipewright.lint.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The grammar of a Docker image reference ({@code [registry[:port]/]name[:tag][@digest]}), as the
 * distribution project defines it.
 */
final class ImageReference {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = LABEL + "(?:\\." + LABEL + ")*(?::[0-9]+)?";
    private static final String TAG = "\\w[\\w.-]{0,127}";
    private static final String DIGEST =
            "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE =
            Pattern.compile(
                    "(?:" + DOMAIN + "/)?" + COMPONENT + "(?:/" + COMPONENT + ")*(?::" + TAG
                            + ")?(?:@" + DIGEST + ")?");

    private ImageReference() {}

    /** Why {@code ref} is not a valid reference, or null when it is. */
    static String problem(String ref) {
        if (ref.isEmpty()) {
            return "the image name is empty";
        }
        if (REFERENCE.matcher(ref).matches()) {
            return null;
        }
        if (ref.chars().anyMatch(Character::isWhitespace)) {
            return "it contains white space";
        }
        String[] parts = ref.split("@", 2)[0].split("/");
        boolean registry =
                parts.length > 1
                        && (parts[0].contains(".")
                                || parts[0].contains(":")
                                || parts[0].equals("localhost"));
        String name =
                String.join("/", Arrays.copyOfRange(parts, registry ? 1 : 0, parts.length))
                        .replaceFirst(":[^/]*$", "");
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            return "repository names must be lower case";
        }
        return "it is not [registry/]name[:tag][@sha256:digest]";
    }
}
