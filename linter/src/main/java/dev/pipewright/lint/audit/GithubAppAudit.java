package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GitHub App installation tokens from {@code actions/create-github-app-token}, asked for more than
 * the job needs (zizmor's {@code github-app}): a token whose revocation is skipped stays valid
 * after the job, one for an {@code owner} without {@code repositories} reaches every repository of
 * the installation, and one without any {@code permission-*} input carries every permission of the
 * app.
 */
@Rule(
        id = "github-app",
        summary = "GitHub App tokens are scoped to the repositories and permissions the job needs",
        severity = Severity.ERROR,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH)
public final class GithubAppAudit extends UsesAudit {
    /**
     * Permissions of organisation resources only: a token limited to them reaches no repository, so
     * it needs no {@code repositories}.
     */
    private static final Set<String> ORG_ONLY =
            Set.of(
                    "permission-custom-properties-for-organizations",
                    "permission-enterprise-custom-properties-for-organizations",
                    "permission-members",
                    "permission-organization-administration",
                    "permission-organization-announcement-banners",
                    "permission-organization-copilot-seat-management",
                    "permission-organization-custom-org-roles",
                    "permission-organization-custom-properties",
                    "permission-organization-custom-roles",
                    "permission-organization-events",
                    "permission-organization-hooks",
                    "permission-organization-packages",
                    "permission-organization-personal-access-token-requests",
                    "permission-organization-personal-access-tokens",
                    "permission-organization-plan",
                    "permission-organization-projects",
                    "permission-organization-secrets",
                    "permission-organization-self-hosted-runners",
                    "permission-organization-user-blocking");

    @Override
    protected void uses(YMap step, YScalar uses) {
        if (!Uses.parse(uses.value())
                .map(u -> u.repository().toLowerCase(Locale.ROOT))
                .filter("actions/create-github-app-token"::equals)
                .isPresent()) {
            return;
        }
        YMap with = step.map("with").orElse(new YMap(List.of(), uses.pos()));
        with.entry("skip-token-revoke")
                .ifPresent(
                        e -> {
                            if (e.value() instanceof YScalar s
                                    && (s.value().equalsIgnoreCase("true") || s.hasExpression())) {
                                report(
                                        e.key(),
                                        (s.hasExpression()
                                                        ? "\"skip-token-revoke\" may be true, which keeps"
                                                        : "\"skip-token-revoke: true\" keeps")
                                                + " the app token valid after the job, for up to an hour;"
                                                + " drop it so the token is revoked when the job ends");
                            }
                        });
        List<String> permissions =
                with.keys().stream()
                        .map(k -> k.toLowerCase(Locale.ROOT))
                        .filter(k -> k.startsWith("permission-"))
                        .toList();
        with.entry("owner")
                .filter(
                        e ->
                                with.get("repositories").isEmpty()
                                        && (permissions.isEmpty()
                                                || !ORG_ONLY.containsAll(permissions)))
                .ifPresent(
                        e ->
                                report(
                                        e.key(),
                                        "\"owner\" without \"repositories\" gives the app token every repository of the"
                                                + " owner's installation; list the ones the job needs in"
                                                + " \"repositories\""));
        if (permissions.isEmpty()) {
            report(
                    uses,
                    "the app token gets every permission of the app's installation; ask only for what"
                            + " the job needs with \"permission-<name>\" inputs (permission-contents: read)");
        }
    }
}
