package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;

/**
 * The project's own list of actions: with {@code audits: forbidden-uses: {allow: [...]}} in the
 * lint configuration every other repository {@code uses:} is reported, with {@code deny: [...]} the
 * listed ones. Nothing is reported without the setting. Local ({@code ./}) and {@code docker://}
 * references are not repository references and pass.
 */
@Rule(
        id = "forbidden-uses",
        summary = "uses: names only the actions the lint configuration allows",
        severity = Severity.ERROR,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH)
public final class ForbiddenUsesAudit extends UsesAudit {
    @Override
    protected void uses(YMap owner, YScalar uses) {
        AuditPolicy.ForbiddenUses policy = policy().forbiddenUses();
        if (policy == null) {
            return;
        }
        Uses.parse(uses.value())
                .ifPresent(
                        u -> {
                            UsesPattern hit =
                                    policy.patterns().stream()
                                            .filter(p -> p.matches(u))
                                            .findFirst()
                                            .orElse(null);
                            if (policy.allow() && hit == null) {
                                report(
                                        uses,
                                        "\""
                                                + uses.value().strip()
                                                + "\" is not on the forbidden-uses allow list of the lint"
                                                + " configuration; use an allowed action or add it to the list");
                            } else if (!policy.allow() && hit != null) {
                                report(
                                        uses,
                                        "\""
                                                + uses.value().strip()
                                                + "\" is forbidden by \""
                                                + hit.text()
                                                + "\" (forbidden-uses deny list"
                                                + " of the lint configuration); use another action");
                            }
                        });
    }
}
