package dev.pipewright.testing;

/**
 * Our own docker actions name the development tag of the action image until a release rewrites them
 * to its digest (docs/publishing-actions.md). unpinned-images rightly reports that tag; tests that
 * require generated files to lint clean set aside exactly this finding, and check that it is still
 * reported, through this one definition.
 */
public final class DevelopmentImage {
    private static final String QUOTED_IMAGE = "\"ghcr.io/pipewright/pipewright-actions:";

    private DevelopmentImage() {}

    /**
     * Whether a finding of {@code rule} with {@code message} is the development tag of our own
     * image.
     */
    public static boolean isReported(String rule, String message) {
        return rule.equals("unpinned-images") && message.contains(QUOTED_IMAGE);
    }
}
