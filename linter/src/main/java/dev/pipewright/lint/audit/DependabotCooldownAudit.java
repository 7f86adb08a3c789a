package dev.pipewright.lint.audit;

import dev.pipewright.lint.Linter;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YamlFile;

/**
 * In {@code .github/dependabot.yml}: an update without {@code cooldown} opens a pull request for a
 * release minutes after it is published, before a compromised release is noticed and pulled. A few
 * days of cooldown lets the ecosystem catch it first.
 */
@Rule(
        id = "dependabot-cooldown",
        summary = "Dependabot updates wait a cooldown of a few days before proposing a release",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.HIGH)
public final class DependabotCooldownAudit extends AuditRule {
    /** Fewer days than this is "insufficient", as zizmor counts. */
    static final int MIN_DAYS = 4;

    @Override
    public void visitFile(YamlFile yaml) {
        if (ctx().kind() != Linter.Kind.DEPENDABOT || !(yaml.root() instanceof YMap root)) {
            return;
        }
        root.seq("updates")
                .ifPresent(
                        seq -> {
                            for (YNode n : seq.items()) {
                                if (!(n instanceof YMap update)) {
                                    continue;
                                }
                                String eco = update.string("package-ecosystem").orElse("?");
                                YNode cooldown = update.get("cooldown").orElse(null);
                                if (cooldown == null) {
                                    report(
                                            update.entries().isEmpty()
                                                    ? update.pos()
                                                    : update.entries().get(0).key().pos(),
                                            "the "
                                                    + eco
                                                    + " updates have no cooldown, so a release is proposed as soon as it is published; add"
                                                    + " \"cooldown: {default-days: 7}\"");
                                } else if (cooldown instanceof YMap c) {
                                    YScalar days = c.scalar("default-days").orElse(null);
                                    if (days == null) {
                                        report(
                                                cooldown,
                                                "the "
                                                        + eco
                                                        + " cooldown sets no default-days, so updates without a semver-specific"
                                                        + " setting wait 0 days; add \"default-days: 7\"");
                                    } else if (days.type() == YScalar.Type.INT
                                            && Integer.parseInt(days.value().strip()) < MIN_DAYS) {
                                        report(
                                                days,
                                                "a cooldown of "
                                                        + days.value()
                                                        + " day(s) is too short to catch a compromised release;"
                                                        + " use at least "
                                                        + MIN_DAYS
                                                        + " (7 is common)");
                                    }
                                }
                            }
                        });
    }
}
