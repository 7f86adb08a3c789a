package dev.pipewright.action.promote;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How kustomize applies an {@code images:} entry to a container's image string
 * (api/filters/imagetag and api/internal/image): the name is matched as an unescaped regular
 * expression anchored at the start, followed by an optional tag and digest; a new tag and digest
 * replace both old ones, a tag alone drops the digest, a digest alone drops the tag. Used to show
 * in the pull request what the cluster will run.
 */
record KustomizeImage(String name, String newName, String newTag, String digest, String tagSuffix) {
    /** Whether kustomize would apply an entry named {@code entryName} to {@code image}. */
    static boolean matches(String image, String entryName) {
        try {
            return Pattern.compile(
                            "^" + entryName + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$")
                    .matcher(image)
                    .matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** The image string kustomize renders for a container whose image is {@code image}. */
    String apply(String image) {
        if (!matches(image, name)) {
            return image;
        }
        String[] parts = split(image);
        String n = empty(newName) ? parts[0] : newName;
        String tag = parts[1];
        String dig = parts[2];
        if (!empty(newTag) && !empty(digest)) {
            tag = newTag;
            dig = digest;
        } else if (!empty(newTag)) {
            tag = newTag;
            dig = "";
        } else if (!empty(digest)) {
            tag = "";
            dig = digest;
        }
        if (!empty(tagSuffix)) {
            tag = tag + tagSuffix;
        }
        return n + (tag.isEmpty() ? "" : ":" + tag) + (dig.isEmpty() ? "" : "@" + dig);
    }

    /** name, tag, digest; a registry port before the first '/' is not a tag. */
    static String[] split(String image) {
        int slash = image.indexOf('/');
        int offset = slash > 0 ? slash : 0;
        String search = image.substring(offset);
        int at = search.indexOf('@');
        int colon = search.indexOf(':');
        if (colon < 0 && at < 0) {
            return new String[] {image, "", ""};
        }
        if (at >= 0 && (at < colon || colon < 0)) {
            return new String[] {
                image.substring(0, at + offset), "", image.substring(at + offset + 1)
            };
        }
        if (at >= 0) {
            return new String[] {
                image.substring(0, colon + offset),
                image.substring(colon + offset + 1, at + offset),
                image.substring(at + offset + 1)
            };
        }
        return new String[] {
            image.substring(0, colon + offset), image.substring(colon + offset + 1), ""
        };
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
