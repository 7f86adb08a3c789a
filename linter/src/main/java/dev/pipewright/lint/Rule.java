package dev.pipewright.lint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Metadata of a lint rule class, read by the registry and the reporters. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Rule {
    /** Kebab-case id shown in brackets after each message and used in ignore comments. */
    String id();

    /** One sentence on what the rule checks. */
    String summary();

    Severity severity() default Severity.ERROR;

    /** {@code lint} for correctness rules; {@code security} for audits. */
    String category() default "lint";
}
