package dev.pipewright.lint.audit;

import dev.pipewright.lint.RuleInfo;
import dev.pipewright.lint.Severity;
import java.util.List;
import java.util.Optional;

/** The registry of security audits (rules of category {@code security}), in documentation order. */
public final class SecurityAudits {
    private SecurityAudits() {}

    private static final List<RuleInfo> ALL =
            List.of(
                    RuleInfo.of(TemplateInjectionAudit.class, TemplateInjectionAudit::new),
                    RuleInfo.of(DangerousTriggersAudit.class, DangerousTriggersAudit::new),
                    RuleInfo.of(ExcessivePermissionsAudit.class, ExcessivePermissionsAudit::new),
                    RuleInfo.of(UnpinnedUsesAudit.class, UnpinnedUsesAudit::new),
                    RuleInfo.of(RefVersionMismatchAudit.class, RefVersionMismatchAudit::new),
                    RuleInfo.of(UnpinnedImagesAudit.class, UnpinnedImagesAudit::new),
                    RuleInfo.of(ArchivedUsesAudit.class, ArchivedUsesAudit::new),
                    RuleInfo.of(
                            KnownVulnerableActionsAudit.class, KnownVulnerableActionsAudit::new),
                    RuleInfo.of(ArtipackedAudit.class, ArtipackedAudit::new),
                    RuleInfo.of(CachePoisoningAudit.class, CachePoisoningAudit::new),
                    RuleInfo.of(SecretsInheritAudit.class, SecretsInheritAudit::new),
                    RuleInfo.of(
                            OverprovisionedSecretsAudit.class, OverprovisionedSecretsAudit::new),
                    RuleInfo.of(GithubEnvAudit.class, GithubEnvAudit::new),
                    RuleInfo.of(GithubAppAudit.class, GithubAppAudit::new),
                    RuleInfo.of(BotConditionsAudit.class, BotConditionsAudit::new),
                    RuleInfo.of(UnsoundContainsAudit.class, UnsoundContainsAudit::new),
                    RuleInfo.of(UnsoundConditionAudit.class, UnsoundConditionAudit::new),
                    RuleInfo.of(
                            HardcodedContainerCredentialsAudit.class,
                            HardcodedContainerCredentialsAudit::new),
                    RuleInfo.of(InsecureCommandsAudit.class, InsecureCommandsAudit::new),
                    RuleInfo.of(DependabotCooldownAudit.class, DependabotCooldownAudit::new),
                    RuleInfo.of(SelfHostedRunnerAudit.class, SelfHostedRunnerAudit::new),
                    RuleInfo.of(AdhocPackagesAudit.class, AdhocPackagesAudit::new),
                    RuleInfo.of(AnonymousDefinitionAudit.class, AnonymousDefinitionAudit::new),
                    RuleInfo.of(ConcurrencyLimitsAudit.class, ConcurrencyLimitsAudit::new),
                    RuleInfo.of(DependabotExecutionAudit.class, DependabotExecutionAudit::new),
                    RuleInfo.of(ForbiddenUsesAudit.class, ForbiddenUsesAudit::new),
                    RuleInfo.of(InsecureUrlSchemeAudit.class, InsecureUrlSchemeAudit::new),
                    RuleInfo.of(MisfeatureAudit.class, MisfeatureAudit::new),
                    RuleInfo.of(ObfuscationAudit.class, ObfuscationAudit::new),
                    RuleInfo.of(SecretsOutsideEnvAudit.class, SecretsOutsideEnvAudit::new),
                    RuleInfo.of(SelfRepositoryAudit.class, SelfRepositoryAudit::new),
                    RuleInfo.of(SuperfluousActionsAudit.class, SuperfluousActionsAudit::new),
                    RuleInfo.of(TyposquatUsesAudit.class, TyposquatUsesAudit::new),
                    RuleInfo.of(
                            UndocumentedPermissionsAudit.class, UndocumentedPermissionsAudit::new),
                    RuleInfo.of(UnpinnedToolsAudit.class, UnpinnedToolsAudit::new),
                    RuleInfo.of(UnredactedSecretsAudit.class, UnredactedSecretsAudit::new),
                    RuleInfo.of(UnsoundTernaryAudit.class, UnsoundTernaryAudit::new),
                    RuleInfo.of(UseTrustedPublishingAudit.class, UseTrustedPublishingAudit::new));

    public static List<RuleInfo> all() {
        return ALL;
    }

    /**
     * The severity an audit's findings carry: error for high severity at high confidence (a true
     * finding is an exploitable workflow, and the audit is rarely wrong), warning for the other
     * high and medium audits, note for low and informational ones. {@code RegistryTest} holds every
     * audit's {@code @Rule} severity to this.
     */
    public static Severity findingSeverity(Audit audit) {
        return switch (audit.severity()) {
            case HIGH ->
                    audit.confidence() == Audit.Confidence.HIGH ? Severity.ERROR : Severity.WARNING;
            case MEDIUM -> Severity.WARNING;
            case LOW, INFORMATIONAL -> Severity.NOTE;
        };
    }

    /** The audit metadata of a rule id; empty for correctness rules. */
    public static Optional<Audit> audit(String ruleId) {
        return ALL.stream()
                .filter(r -> r.id().equals(ruleId))
                .findFirst()
                .map(r -> r.factory().get().getClass().getAnnotation(Audit.class));
    }
}
