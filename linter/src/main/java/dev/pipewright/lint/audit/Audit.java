package dev.pipewright.lint.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Security metadata of an audit (a rule of category {@code security}), next to its {@link dev.pipewright.lint.Rule}:
 * how bad a true finding is, and how sure the audit is that a finding is true. The rule's finding severity follows
 * the level: high and medium are warnings, low and informational are notes (errors stay for files GitHub rejects).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Audit {
    /** zizmor's severity levels. */
    enum Level { HIGH, MEDIUM, LOW, INFORMATIONAL }

    /** How likely a finding is a true positive. */
    enum Confidence { HIGH, MEDIUM, LOW }

    Level severity();

    Confidence confidence();

    /** True when {@code pipewright lint --fix} repairs the audit's findings. */
    boolean fixable() default false;
}
