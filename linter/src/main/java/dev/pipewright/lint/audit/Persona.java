package dev.pipewright.lint.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * Who reads the audits' findings, after zizmor's {@code --persona}: {@code regular} wants
 * actionable findings with few false positives, {@code pedantic} also code smells, {@code auditor}
 * everything, false positives included. Each finding names the least demanding persona that sees
 * it; a persona sees its own findings and those of the personas before it.
 */
public enum Persona {
    REGULAR,
    PEDANTIC,
    AUDITOR;

    /** True when a reader with this persona sees a finding meant for {@code finding}. */
    public boolean sees(Persona finding) {
        return finding.ordinal() <= ordinal();
    }

    /** The lower-case name used in the configuration and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The persona named {@code id} (any case), or empty. */
    public static Optional<Persona> parse(String id) {
        for (Persona p : values()) {
            if (p.id().equalsIgnoreCase(id.strip())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
