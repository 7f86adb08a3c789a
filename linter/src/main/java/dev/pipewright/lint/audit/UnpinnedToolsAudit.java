package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.Locale;
import java.util.Set;

/**
 * Pinning an action by commit does not pin what it downloads: {@code aquasecurity/setup-trivy} and
 * {@code 1password/load-secrets-action} fetch the latest release of their tool unless {@code with:
 * version:} names one. A version from an expression may be "latest" too, and is reported at low
 * confidence.
 */
@Rule(
        id = "unpinned-tools",
        summary = "actions that download a tool are given its version",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.HIGH)
public final class UnpinnedToolsAudit extends UsesAudit {
    private static final Set<String> ACTIONS =
            Set.of("aquasecurity/setup-trivy", "1password/load-secrets-action");

    @Override
    protected void uses(YMap owner, YScalar uses) {
        Uses u = Uses.parse(uses.value()).orElse(null);
        if (u == null
                || !u.path().isEmpty()
                || !ACTIONS.contains(u.repository().toLowerCase(Locale.ROOT))) {
            return;
        }
        YNode with = owner.get("with").orElse(null);
        if (with != null && !(with instanceof YMap)) {
            return;
        }
        YScalar version = with == null ? null : ((YMap) with).scalar("version").orElse(null);
        if (version == null) {
            report(
                    uses,
                    u.repository()
                            + " downloads the latest release of its tool when no version is given; set"
                            + " \"with: version:\" to a release");
        } else if (version.value().strip().equals("latest")) {
            report(
                    version,
                    "\"version: latest\" makes "
                            + u.repository()
                            + " download whatever was released last; name a"
                            + " release");
        } else if (version.hasExpression()) {
            report(
                    version,
                    "the version "
                            + u.repository()
                            + " downloads comes from an expression and may be \"latest\";"
                            + " name a release");
        }
    }
}
