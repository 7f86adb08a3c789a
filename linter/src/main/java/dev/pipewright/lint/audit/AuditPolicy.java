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
 *
 * <pre>
 * audits:
 *   unpinned-uses:
 *     allow-owners: [actions, github]   # tags allowed for these owners (default: none, pin everything)
 *   persona: pedantic                   # regular (default), pedantic or auditor: which findings show
 *   forbidden-uses:                     # either allow: or deny:, of repository patterns (UsesPattern)
 *     deny: [some-owner/*]
 *   secrets-outside-env:
 *     allow: [CODECOV_TOKEN]            # secrets that may be read by jobs without an environment
 * </pre>
 *
 * {@code pedantic: true}, the older spelling, is {@code persona: pedantic} (zizmor's {@code
 * --pedantic} alias).
 */
public record AuditPolicy(
        List<String> allowOwners,
        Persona persona,
        ForbiddenUses forbiddenUses,
        List<String> secretsOutsideEnv) {
    /**
     * {@code forbidden-uses}: the patterns, and whether they list what is allowed (else what is
     * denied).
     */
    public record ForbiddenUses(boolean allow, List<UsesPattern> patterns) {
        public ForbiddenUses {
            patterns = List.copyOf(patterns);
        }
    }

    public AuditPolicy {
        allowOwners = List.copyOf(allowOwners);
        persona = persona == null ? Persona.REGULAR : persona;
        secretsOutsideEnv = List.copyOf(secretsOutsideEnv);
    }

    public AuditPolicy(List<String> allowOwners, Persona persona) {
        this(allowOwners, persona, null, List.of());
    }

    public static AuditPolicy defaults() {
        return new AuditPolicy(List.of(), Persona.REGULAR);
    }

    /**
     * This policy read by {@code persona} (the command line's {@code --persona} wins over the
     * file).
     */
    public AuditPolicy withPersona(Persona persona) {
        return new AuditPolicy(allowOwners, persona, forbiddenUses, secretsOutsideEnv);
    }

    /** True when findings meant for {@code finding} show under this policy's persona. */
    public boolean shows(Persona finding) {
        return persona.sees(finding);
    }

    /** True for the pedantic and auditor personas. */
    public boolean pedantic() {
        return persona.sees(Persona.PEDANTIC);
    }

    /** True for the auditor persona. */
    public boolean auditor() {
        return persona.sees(Persona.AUDITOR);
    }

    /**
     * True when {@code secrets.<name>} may be read outside an environment: GITHUB_TOKEN and the
     * configured names.
     */
    public boolean allowsSecretOutsideEnv(String name) {
        return name.equalsIgnoreCase("github_token")
                || secretsOutsideEnv.stream().anyMatch(n -> n.equalsIgnoreCase(name));
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
            throw new IllegalArgumentException(
                    file + ":" + node.pos() + ": audits must be a mapping");
        }
        List<String> owners = new ArrayList<>();
        Persona persona = null;
        boolean pedantic = false;
        ForbiddenUses forbidden = null;
        List<String> secrets = new ArrayList<>();
        for (YMap.Entry e : m.entries()) {
            switch (e.key().value()) {
                case "unpinned-uses" -> {
                    if (!(e.value() instanceof YMap u)) {
                        throw new IllegalArgumentException(
                                file + ":" + e.value().pos() + ": unpinned-uses must be a mapping");
                    }
                    for (YMap.Entry ue : u.entries()) {
                        if (!ue.key().value().equals("allow-owners")
                                || !(ue.value() instanceof YSeq seq)) {
                            throw new IllegalArgumentException(
                                    file
                                            + ":"
                                            + ue.key().pos()
                                            + ": expected \"allow-owners: [owner, ...]\" under unpinned-uses");
                        }
                        seq.items().stream()
                                .filter(YScalar.class::isInstance)
                                .map(i -> ((YScalar) i).value())
                                .forEach(owners::add);
                    }
                }
                case "pedantic" ->
                        pedantic = e.value() instanceof YScalar s && s.value().equals("true");
                case "persona" -> {
                    String v = e.value() instanceof YScalar s ? s.value() : "";
                    persona =
                            Persona.parse(v)
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            file
                                                                    + ":"
                                                                    + e.value().pos()
                                                                    + ": unknown persona \""
                                                                    + v
                                                                    + "\"; expected regular, pedantic or auditor"));
                }
                case "forbidden-uses" -> forbidden = forbiddenUses(file, e.value());
                case "secrets-outside-env" ->
                        names(
                                        file,
                                        single(
                                                file,
                                                e.value(),
                                                "secrets-outside-env",
                                                List.of("allow")))
                                .stream()
                                .map(YScalar::value)
                                .forEach(secrets::add);
                default ->
                        throw new IllegalArgumentException(
                                file
                                        + ":"
                                        + e.key().pos()
                                        + ": unknown audits key \""
                                        + e.key().value()
                                        + "\"; expected unpinned-uses, persona, pedantic, forbidden-uses or secrets-outside-env");
            }
        }
        if (persona == null) {
            persona = pedantic ? Persona.PEDANTIC : Persona.REGULAR;
        }
        return new AuditPolicy(owners, persona, forbidden, secrets);
    }

    private static ForbiddenUses forbiddenUses(Path file, YNode node) {
        YMap.Entry only = single(file, node, "forbidden-uses", List.of("allow", "deny"));
        List<UsesPattern> patterns = new ArrayList<>();
        for (YScalar s : names(file, only)) {
            try {
                patterns.add(UsesPattern.parse(s.value()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(file + ":" + s.pos() + ": " + ex.getMessage());
            }
        }
        return new ForbiddenUses(only.key().value().equals("allow"), patterns);
    }

    /** The one entry of a mapping that must have exactly one of {@code keys}. */
    private static YMap.Entry single(Path file, YNode node, String section, List<String> keys) {
        String expected =
                "expected \"" + String.join(": [...]\" or \"", keys) + ": [...]\" under " + section;
        if (!(node instanceof YMap m)
                || m.entries().size() != 1
                || !keys.contains(m.entries().get(0).key().value())) {
            throw new IllegalArgumentException(file + ":" + node.pos() + ": " + expected);
        }
        return m.entries().get(0);
    }

    private static List<YScalar> names(Path file, YMap.Entry entry) {
        if (!(entry.value() instanceof YSeq seq)) {
            throw new IllegalArgumentException(
                    file
                            + ":"
                            + entry.value().pos()
                            + ": "
                            + entry.key().value()
                            + " must be a list of strings");
        }
        List<YScalar> out = new ArrayList<>();
        for (YNode i : seq.items()) {
            if (!(i instanceof YScalar s) || s.isNull()) {
                throw new IllegalArgumentException(
                        file
                                + ":"
                                + i.pos()
                                + ": "
                                + entry.key().value()
                                + " must be a list of strings");
            }
            out.add(s);
        }
        return out;
    }
}
