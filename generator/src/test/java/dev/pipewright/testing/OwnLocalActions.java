package dev.pipewright.testing;

/**
 * Generated workflows call Pipewright's own actions as local actions, {@code uses:
 * ./.github/actions/pipewright-<id>} (CONTRIBUTING, "How workflows call Pipewright's own actions").
 * The pedantic persona's self-repository audit asks for {@code $/.github/actions/...} instead,
 * which actionlint (1.7.7 and 1.6.22) rejects as an action without a ref ({@code
 * SelfRepositoryFormTest} checks that this is still so), so the generator keeps {@code ./}. Tests
 * that require generated files to be clean for the pedantic persona set aside exactly this finding,
 * through this one definition.
 */
public final class OwnLocalActions {
    private static final String QUOTED_PATH = "\"./.github/actions/pipewright-";

    private OwnLocalActions() {}

    /**
     * Whether a finding of {@code rule} with {@code message} is self-repository on a call of one of
     * our own actions.
     */
    public static boolean isReported(String rule, String message) {
        return rule.equals("self-repository") && message.startsWith(QUOTED_PATH);
    }
}
