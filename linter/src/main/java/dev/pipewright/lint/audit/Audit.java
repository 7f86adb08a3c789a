package dev.pipewright.lint.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Security metadata of an audit (a rule of category {@code security}), next to its {@link
 * dev.pipewright.lint.Rule}: how bad a true finding is, and how sure the audit is that a finding is
 * true, after zizmor's own rating of the audit. The rule's finding severity follows from both
 * ({@link SecurityAudits#findingSeverity}): a high-severity, high-confidence audit reports errors,
 * so {@code --fail-level error} fails on it as zizmor's high findings fail CI; other high and
 * medium audits report warnings, low and informational ones notes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Audit {
    /** zizmor's severity levels. */
    enum Level {
        HIGH,
        MEDIUM,
        LOW,
        INFORMATIONAL
    }

    /** How likely a finding is a true positive. */
    enum Confidence {
        HIGH,
        MEDIUM,
        LOW
    }

    Level severity();

    Confidence confidence();

    /** True when {@code pipewright lint --fix} repairs the audit's findings. */
    boolean fixable() default false;
}
