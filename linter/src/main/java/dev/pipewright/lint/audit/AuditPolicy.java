package dev.pipewright.lint.audit;

import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code audits:} section of {@code .github/pipewright-lint.yml}:
 * <pre>
 * audits:
 *   unpinned-uses:
 *     allow-owners: [actions, github]   # tags allowed for these owners (default: none, pin everything)
 *   persona: pedantic                   # regular (default), pedantic or auditor: which findings show
 * </pre>
 * {@code pedantic: true}, the older spelling, is {@code persona: pedantic} (zizmor's {@code --pedantic} alias).
 */
public record AuditPolicy(List<String> allowOwners, Persona persona) {
    public AuditPolicy {
        allowOwners = List.copyOf(allowOwners);
        persona = persona == null ? Persona.REGULAR : persona;
    }

    public static AuditPolicy defaults() {
        return new AuditPolicy(List.of(), Persona.REGULAR);
    }

    /** This policy read by {@code persona} (the command line's {@code --persona} wins over the file). */
    public AuditPolicy withPersona(Persona persona) {
        return new AuditPolicy(allowOwners, persona);
    }

    /** True when findings meant for {@code finding} show under this policy's persona. */
    public boolean shows(Persona finding) {
        return persona.sees(finding);
    }

    /** True for the pedantic and auditor personas. */
    public boolean pedantic() {
        return persona.sees(Persona.PEDANTIC);
    }

    /** True when {@code owner/repo} may be referenced by tag or branch. */
    public boolean allowsUnpinned(String owner) {
        return allowOwners.stream().anyMatch(o -> o.equalsIgnoreCase(owner) || o.equals("*"));
    }

    /** Reads the section; a bad one is a usage error with its position. */
    public static AuditPolicy parse(Path file, YNode node) {
        if (node == null || node instanceof YScalar s && s.isNull()) {
            return defaults();
        }
        if (!(node instanceof YMap m)) {
            throw new IllegalArgumentException(file + ":" + node.pos() + ": audits must be a mapping");
        }
        List<String> owners = new ArrayList<>();
        Persona persona = null;
        boolean pedantic = false;
        for (YMap.Entry e : m.entries()) {
            switch (e.key().value()) {
                case "unpinned-uses" -> {
                    if (!(e.value() instanceof YMap u)) {
                        throw new IllegalArgumentException(file + ":" + e.value().pos() + ": unpinned-uses must be a mapping");
                    }
                    for (YMap.Entry ue : u.entries()) {
                        if (!ue.key().value().equals("allow-owners") || !(ue.value() instanceof YSeq seq)) {
                            throw new IllegalArgumentException(file + ":" + ue.key().pos()
                                    + ": expected \"allow-owners: [owner, ...]\" under unpinned-uses");
                        }
                        seq.items().stream().filter(YScalar.class::isInstance).map(i -> ((YScalar) i).value()).forEach(owners::add);
                    }
                }
                case "pedantic" -> pedantic = e.value() instanceof YScalar s && s.value().equals("true");
                case "persona" -> {
                    String v = e.value() instanceof YScalar s ? s.value() : "";
                    persona = Persona.parse(v).orElseThrow(() -> new IllegalArgumentException(file + ":" + e.value().pos()
                            + ": unknown persona \"" + v + "\"; expected regular, pedantic or auditor"));
                }
                default -> throw new IllegalArgumentException(file + ":" + e.key().pos() + ": unknown audits key \""
                        + e.key().value() + "\"; expected unpinned-uses, persona or pedantic");
            }
        }
        if (persona == null) {
            persona = pedantic ? Persona.PEDANTIC : Persona.REGULAR;
        }
        return new AuditPolicy(owners, persona);
    }
}
