package dev.pipewright.model;

/**
 * Workflow syntax GitHub ships behind a feature flag. GitHub's parser rejects it unless the flag is
 * on for the repository's organization, so a workflow must opt in before the model accepts it.
 */
public enum Preview {
    /**
     * {@code background:} steps and the {@code wait}, {@code wait-all}, {@code cancel} and {@code
     * parallel} steps.
     */
    BACKGROUND_STEPS("allowBackgroundSteps");

    private final String githubFlag;

    Preview(String githubFlag) {
        this.githubFlag = githubFlag;
    }

    /** The name of GitHub's feature flag. */
    public String githubFlag() {
        return githubFlag;
    }
}
