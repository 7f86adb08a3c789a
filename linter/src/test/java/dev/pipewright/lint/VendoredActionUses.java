package dev.pipewright.lint;

/**
 * The one self-repository finding the generated files keep on purpose: workflows call their vendored copies of our
 * actions as {@code ./.github/actions/pipewright-<id>}, not {@code $/...}, because the tools users also run on them do
 * not read the self-repository syntax yet (actionlint 1.7.7 rejects {@code $/} as an action without a ref). Tests
 * that hold generated files clean set these findings aside, and check they are still reported.
 */
final class VendoredActionUses {
    private VendoredActionUses() {}

    static boolean isReported(String rule, String message) {
        return rule.equals("self-repository") && message.startsWith("\"./.github/actions/pipewright-");
    }
}
